import { configSchema, type CentricConfig } from './config-schema.js';

/** The configuration Centric runs with when centric.yml says nothing: the schema's defaults. */
export const DEFAULT_CONFIG: CentricConfig = configSchema().parse({});
