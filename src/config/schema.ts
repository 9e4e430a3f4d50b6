/**
 * centric.yml's schema. It lives in the core (src/core/config-schema.ts): the core's
 * DEFAULT_CONFIG is derived from it, and the core imports nothing outside itself.
 */
export { configSchema as configFileSchema, vocabularySchema, type ConfigFile } from '../core/config-schema.js';
