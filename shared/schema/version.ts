// The schema version stored in every workshop document. A reader that meets a
// newer version refuses to write rather than silently dropping unknown data.

export const SCHEMA_VERSION = 1;
