import type { IDataObject } from 'n8n-workflow';

/** Small HTTP readers every provider transport needs (GOWA and WhatsApp Cloud). */

/** The network-level error code (ECONNREFUSED, ETIMEDOUT…) of a request failure, searched along its causes. */
export function networkCodeOf(error: unknown): string | undefined {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const candidate = current as { code?: unknown; cause?: unknown; message?: unknown };
		if (typeof candidate.code === 'string' && /^E[A-Z_]+$/.test(candidate.code)) return candidate.code;
		if (typeof candidate.message === 'string') {
			const match = candidate.message.match(/\b(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|ECONNABORTED|EPIPE|EHOSTUNREACH|ENETUNREACH)\b/);
			if (match) return match[1];
			if (/timeout of \d+ms exceeded/i.test(candidate.message)) return 'ETIMEDOUT';
		}
		current = candidate.cause;
	}
	return undefined;
}

/** The answer body as bytes, whatever shape the request helper handed back. */
export function bodyBuffer(raw: unknown): Buffer {
	if (Buffer.isBuffer(raw)) return raw;
	if (raw instanceof ArrayBuffer) return Buffer.from(raw);
	return Buffer.from(typeof raw === 'string' ? raw : JSON.stringify(raw ?? ''));
}

/** `Retry-After` in ms (seconds or an HTTP date), if the server sent one. */
export function retryAfterMs(headers: IDataObject): number | undefined {
	const value = headers['retry-after'];
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** The file name of a Content-Disposition header, if any. */
export function dispositionFileName(headers: IDataObject): string | undefined {
	const disposition = headers['content-disposition'];
	const match = typeof disposition === 'string' ? disposition.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i) : null;
	return match ? decodeURIComponent(match[1]) : undefined;
}
