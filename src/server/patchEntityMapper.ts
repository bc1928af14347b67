import * as mappers from 'botframework-connector/lib/connectorApi/models/mappers';

/**
 * botframework-connector 4.23.3 serialises an Entity as only type/text/mentioned, so the
 * citation entity and the "AI generated" label never reach Teams. The upstream fix was never
 * published; letting the Entity mapper carry additional properties is the tested workaround.
 * Idempotent; call once at startup (startServer does).
 */
export function patchEntityMapper(): void {
  mappers.Entity.type.additionalProperties = { type: { name: 'Object' } };
}
