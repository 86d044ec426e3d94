// GraphQL operations of the collaboration feature (forum).
export {};
