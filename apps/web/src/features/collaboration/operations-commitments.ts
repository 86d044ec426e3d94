// GraphQL operations of the collaboration feature (commitments).
export {};
