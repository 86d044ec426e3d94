// GraphQL operations of the collaboration feature (documents).
export {};
