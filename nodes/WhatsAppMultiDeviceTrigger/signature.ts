import type { SignatureFailure } from '../shared/hubSignature';

/**
 * GOWA signs every webhook with `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(raw body, secret)>`
 * (lowercase hex, from Go's hex.EncodeToString), as Meta does: the check itself is shared (../shared/hubSignature).
 */

export type { SignatureCheck, SignatureFailure } from '../shared/hubSignature';
export { SIGNATURE_HEADER, signBody, verifySignature } from '../shared/hubSignature';

/** What a failed check is called in logs and in the 401 answer (never the secret or the expected digest). */
export function describeSignatureFailure(reason: SignatureFailure): string {
	switch (reason) {
		case 'noSecret':
			return 'no webhook secret is configured for this trigger';
		case 'missingHeader':
			return 'the X-Hub-Signature-256 header is missing';
		case 'malformedHeader':
			return 'the X-Hub-Signature-256 header is not "sha256=" followed by 64 hex digits';
		case 'mismatch':
			return 'the X-Hub-Signature-256 signature does not match the body';
	}
}
