import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { credentialField } from './settings';

/**
 * No secret is kept in workflow static data (n8n returns it in clear to anyone who opens the workflow, and
 * queue-mode workers overwrite it). Instead:
 *
 * - the secret "Generated for This Trigger" is **derived**: HMAC-SHA256 over workflow id, node id and device,
 *   keyed by the credential's Password and Webhook Secret. Every process (main, webhook processors) computes the
 *   same value, nothing is stored, and a changed credential yields a new secret, which `checkExists` notices on
 *   the device and re-registers. The key is the Password because whoever knows it can read the device's webhook
 *   secret from GOWA anyway (`GET /devices/{id}/webhook`): deriving from it exposes nothing new.
 * - the previous receiver's secret (restored on deactivation) is **sealed** with AES-256-GCM under a key derived
 *   the same way; only the ciphertext is stored.
 *
 * Without a Password and a Webhook Secret there is nothing secret to derive from: activation refuses.
 */

export interface SecretScope {
	workflowId: string;
	nodeId: string;
	deviceId: string;
}

const LABEL = 'n8n-nodes-whatsapp-multidevice/trigger';
const SEALED_PREFIX = 'aes256gcm:';

/** The key material of a credential; undefined when it has neither a Password nor a Webhook Secret. */
export function keyMaterial(password: string, webhookSecret: string): Buffer | undefined {
	if (password === '' && webhookSecret === '') return undefined;
	// Length-prefixed, so ("ab", "c") and ("a", "bc") are different keys.
	return Buffer.from(`${Buffer.byteLength(password)}:${password}\u0000${webhookSecret}`, 'utf8');
}

function derive(key: Buffer, purpose: string, scope: SecretScope): Buffer {
	return createHmac('sha256', key)
		.update(`${LABEL}/${purpose}\u0000${scope.workflowId}\u0000${scope.nodeId}\u0000${scope.deviceId}`)
		.digest();
}

/** The webhook secret registered on the device for this trigger: 64 hex digits. */
export function deriveWebhookSecret(key: Buffer, scope: SecretScope): string {
	return derive(key, 'webhook-secret', scope).toString('hex');
}

/** Encrypts a secret for storage; a fresh IV each time. */
export function sealSecret(secret: string, key: Buffer, scope: SecretScope): string {
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', derive(key, 'seal', scope), iv);
	const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
	return `${SEALED_PREFIX}${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** Decrypts a sealed secret; undefined when it was sealed under another key (the credential changed) or is damaged. */
export function openSealed(sealed: string, key: Buffer, scope: SecretScope): string | undefined {
	if (!sealed.startsWith(SEALED_PREFIX)) return undefined;
	const bytes = Buffer.from(sealed.slice(SEALED_PREFIX.length), 'base64');
	if (bytes.length < 28) return undefined;
	try {
		const decipher = createDecipheriv('aes-256-gcm', derive(key, 'seal', scope), bytes.subarray(0, 12));
		decipher.setAuthTag(bytes.subarray(12, 28));
		return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
	} catch {
		return undefined;
	}
}

/** The key material of the trigger's credential and the scope of this trigger on a device. */
export async function secretContext(
	context: IHookFunctions | IWebhookFunctions,
	deviceId: string,
): Promise<{ key: Buffer | undefined; scope: SecretScope }> {
	const key = keyMaterial(await credentialField(context, 'password'), await credentialField(context, 'webhookSecret'));
	return { key, scope: { workflowId: String(context.getWorkflow().id ?? ''), nodeId: context.getNode().id, deviceId } };
}
