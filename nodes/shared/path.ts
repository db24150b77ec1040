/**
 * Path segments for GOWA routes, one rule for every node (action node, trigger registration).
 *
 * GOWA's router does not unescape path parameters, so characters that are legal in a path segment (RFC 3986
 * pchar: letters, digits, `-._~`, `!$&'()*+,;=`, `:` and `@`) are kept as they are — a device JID such as
 * `628…:12@s.whatsapp.net` must reach the server verbatim. Everything else (`/`, `?`, `#`, `%`, spaces,
 * non-ASCII) is percent-encoded so it can never change the route.
 */
export function encodeDevicePathSegment(deviceId: string): string {
	return Array.from(deviceId)
		.map((character) => (/^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/.test(character) ? character : encodeURIComponent(character)))
		.join('');
}

/** `/devices/{id}` plus an optional suffix such as `/login/code` or `/webhook`. */
export function devicePath(deviceId: string, suffix = ''): string {
	return `/devices/${encodeDevicePathSegment(deviceId)}${suffix}`;
}

/** `.` and `..`, also percent-encoded: URL parsers resolve them away (`/devices/../logout` becomes `/logout`). */
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * Whether a request path has a dot segment. The transport refuses such a path before anything is sent, whatever
 * built it (device, message or chat IDs from any node), so an ID `..` can never move a request to another route.
 */
export function hasDotSegment(path: string): boolean {
	return path.split(/[?#]/)[0].split('/').some((segment) => DOT_SEGMENT.test(segment));
}
