import { defineConfig } from 'drizzle-kit';

// Migrations are generated from src/server/db/schema and committed; never edit one that has landed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema/index.ts',
  out: './drizzle',
});
