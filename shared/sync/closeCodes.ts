// WebSocket close codes the session host uses, so that a client can tell the user what
// happened. y-websocket stops reconnecting on its own for codes 4400–4499 (permanent, like
// HTTP 4xx) and retries on all others.
export const SESSION_CLOSE_CODES = {
  /** The host is shutting down or restarting: reconnect. */
  hostClosing: 1001,
  /** A frame that is not this endpoint's protocol (binary on signaling, garbage on the relay). */
  malformed: 1003,
  /** Too many messages or bytes in too short a time, or too many awareness states. */
  policyViolation: 1008,
  /** A frame larger than the endpoint allows (sent by the ws library itself). */
  tooBig: 1009,
  /** The host failed on a frame (a bug, not the client's fault): reconnect. */
  internalError: 1011,
  /** The facilitator revoked the join code: do not reconnect, ask for the new code. */
  codeRevoked: 4403,
} as const;
