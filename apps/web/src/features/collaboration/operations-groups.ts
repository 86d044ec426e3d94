// GraphQL operations of the collaboration feature (groups).
export {};
