/**
 * The renderer's Content-Security-Policy, one string for all three places that set it: the built
 * index.html's meta tag, the desktop app's protocol handler and server mode's response headers.
 * It starts from nothing and adds back only what the app needs: its own scripts, styles and
 * fonts, images from itself or inline data (the clinic logo), and calls to its own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');
