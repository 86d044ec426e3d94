// GraphQL operations of the collaboration feature (tables).
export {};
