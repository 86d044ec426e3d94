// GraphQL operations of the collaboration feature (meetings).
export {};
