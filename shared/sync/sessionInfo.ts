// What `GET /api/session?code=…` returns to a client that holds the join code: enough to
// show the workshop's title and to open the signaling and relay connections.

export interface SessionInfo {
  readonly workshopId: string;
  readonly title: string;
  /** Full path of this workshop's relay, `/relay/<workshopId>` (see RELAY_PATH). */
  readonly relayPath: string;
  /** Path of the y-webrtc signaling endpoint. */
  readonly signalingPath: string;
}
