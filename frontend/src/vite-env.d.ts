/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The GraphQL endpoint; defaults to /graphql on the same origin. */
  readonly VITE_GRAPHQL_URL?: string;
  /** The council's name in the header; the authority's name replaces it later. */
  readonly VITE_ORGANISATION_NAME?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
