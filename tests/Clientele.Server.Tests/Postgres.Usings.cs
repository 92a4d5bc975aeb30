// The PostgreSQL test helpers (throwaway schema, environment, fact) live in the test kit, shared by every suite.
global using Clientele.TestKit.Postgres;
