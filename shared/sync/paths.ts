// Where a Werkstatt session host answers, and how a client hands it the join code.
// Shared by the host (electron/host/session) and the renderer that joins a session.

/** `GET <origin>/api/session?code=…` describes the session to a client holding the code. */
export const SESSION_API_PATH = '/api/session';

/** WebSocket endpoint speaking y-webrtc's signaling protocol (subscribe/publish/ping). */
export const SIGNALING_PATH = '/signal';

/**
 * The relay's base path. A y-websocket client uses `<ws origin>/relay` as its server URL and
 * the workshop id as its room name, which makes it connect to `/relay/<workshopId>`.
 */
export const RELAY_PATH = '/relay';

/** The URL query parameter carrying the join code, on every endpoint above. */
export const JOIN_CODE_PARAM = 'code';

/** Workshop ids travel unencoded in the relay path (y-websocket appends the room name as is). */
export const WORKSHOP_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export function relayPathFor(workshopId: string): string {
  return `${RELAY_PATH}/${workshopId}`;
}
