import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { cloudRequest, getCloudConnection } from '../WhatsAppCloud/transport';
import { isObject } from './payload';
import { credentialText, readSettings } from './settings';

/**
 * Registration without hijacking the Meta app: activation gives the credential's WhatsApp Business Account its own
 * callback URL (`POST /{WABA}/subscribed_apps` with `override_callback_uri` = this workflow's production URL and the
 * credential's verify token; Meta verifies it with a GET handshake first), and deactivation restores what was there
 * (read with `GET /{WABA}/subscribed_apps` beforehand). The app's own callback and other WABAs are never touched.
 *
 * Only non-secret data is kept in the node's static data, one record per URL (production, and the test URL while the
 * editor listens for a test event): the WABA, the URL, our app's id and the previous callback URL. That record is best effort (queue-mode workers overwrite static data): without it, deactivation removes an
 * override still pointing here, so the WABA falls back to the app's callback instead of a URL that no longer answers.
 */

export type PreviousSubscription = { kind: 'none' } | { kind: 'app' } | { kind: 'override'; uri: string };

export interface CloudRegistration {
	wabaId: string;
	webhookUrl: string;
	appId: string | null;
	previous: PreviousSubscription;
	registeredAt: string;
}

/** Static-data field: webhook URL → its registration record. */
const STATIC_FIELD = 'registrations';

interface Subscription {
	appId: string | null;
	override: string | null;
}

function records(context: IHookFunctions): IDataObject {
	const staticData = context.getWorkflowStaticData('node');
	if (!isObject(staticData[STATIC_FIELD])) staticData[STATIC_FIELD] = {};
	return staticData[STATIC_FIELD] as IDataObject;
}

export function readRegistration(context: IHookFunctions, url: string): CloudRegistration | undefined {
	const all = context.getWorkflowStaticData('node')[STATIC_FIELD];
	const value = isObject(all) ? all[url] : undefined;
	if (!isObject(value) || typeof value.wabaId !== 'string' || value.webhookUrl !== url || !isObject(value.previous)) return undefined;
	return value as unknown as CloudRegistration;
}

function ownWebhookUrl(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) {
		throw new NodeOperationError(context.getNode(), 'n8n did not give this trigger a webhook URL to register', {
			description: 'Set WEBHOOK_URL in n8n’s environment to the public https address Meta can reach n8n at, e.g. https://n8n.example.com/.',
		});
	}
	return url;
}

async function wabaIdOf(context: IHookFunctions): Promise<string> {
	const { businessAccountId } = await getCloudConnection.call(context);
	if (!/^\d+$/.test(businessAccountId)) {
		throw new NodeOperationError(context.getNode(), 'The credential has no valid WhatsApp Business Account ID to subscribe', {
			description: 'Enter the WABA ID (digits only) in the WhatsApp Cloud API credential, or choose Registration → Manual.',
		});
	}
	return businessAccountId;
}

export async function listSubscriptions(context: IHookFunctions, wabaId: string): Promise<Subscription[]> {
	const answer = await cloudRequest.call(context, { method: 'GET', path: [wabaId, 'subscribed_apps'], noRetry: true });
	const data = Array.isArray(answer.data) ? answer.data : [];
	return data.filter(isObject).map((entry: IDataObject) => {
		const app = isObject(entry.whatsapp_business_api_data) ? entry.whatsapp_business_api_data : {};
		return {
			appId: typeof app.id === 'string' ? app.id : null,
			override: typeof entry.override_callback_uri === 'string' && entry.override_callback_uri !== '' ? entry.override_callback_uri : null,
		};
	});
}

async function subscribe(context: IHookFunctions, wabaId: string, body: IDataObject): Promise<void> {
	await cloudRequest.call(context, { method: 'POST', path: [wabaId, 'subscribed_apps'], body, noRetry: true });
}

/** The trigger refuses to activate without what every delivery and handshake needs. */
async function checkCredential(context: IHookFunctions): Promise<string> {
	if ((await credentialText(context, 'appSecret')) === '') {
		throw new NodeOperationError(context.getNode(), 'The credential has no App Secret, so no delivery could be verified', {
			description: 'Copy the app secret from the Meta app (App settings → Basic → App secret) into App Secret of the WhatsApp Cloud API credential.',
		});
	}
	const verifyToken = await credentialText(context, 'verifyToken');
	if (verifyToken === '') {
		throw new NodeOperationError(context.getNode(), 'The credential has no Verify Token, so Meta could not verify this URL', {
			description: 'Enter a long random value in Verify Token of the WhatsApp Cloud API credential (and the same value in the Meta app when you set the callback by hand).',
		});
	}
	return verifyToken;
}

/** `checkExists`: does the WABA's override already point here? Decided from Meta's answer alone. */
export async function subscriptionExists(this: IHookFunctions): Promise<boolean> {
	if (!readSettings(this).registers) return false;
	const url = ownWebhookUrl(this);
	if (readRegistration(this, url) === undefined) return false;
	const current = await listSubscriptions(this, await wabaIdOf(this));
	return current.some((entry) => entry.override === url);
}

function previousOf(before: Subscription[], appId: string | null, url: string, record: CloudRegistration | undefined): PreviousSubscription {
	const mine = before.find((entry) => entry.appId === appId) ?? (appId === null && before.length === 1 ? before[0] : undefined);
	if (mine === undefined) return { kind: 'none' };
	if (mine.override === null) return { kind: 'app' };
	// Already pointing here (an earlier activation): keep what that one found.
	if (mine.override === url) return record?.webhookUrl === url ? record.previous : { kind: 'app' };
	return { kind: 'override', uri: mine.override };
}

/** `create`: checks the credential; with registration, points the WABA at this workflow and remembers the old callback. */
export async function subscribeWaba(this: IHookFunctions): Promise<boolean> {
	const settings = readSettings(this);
	const verifyToken = await checkCredential(this);
	if (!settings.registers) return true;
	const url = ownWebhookUrl(this);
	const wabaId = await wabaIdOf(this);
	const before = await listSubscriptions(this, wabaId);
	await subscribe(this, wabaId, { override_callback_uri: url, verify_token: verifyToken });
	const after = await listSubscriptions(this, wabaId);
	const ours = after.find((entry) => entry.override === url);
	if (ours === undefined) {
		throw new NodeOperationError(this.getNode(), `Meta did not store this workflow's callback URL for WhatsApp Business Account ${wabaId}`, {
			description: 'Check that the access token has whatsapp_business_management on this WABA, or choose Registration → Manual.',
		});
	}
	const record: CloudRegistration = { wabaId, webhookUrl: url, appId: ours.appId, previous: previousOf(before, ours.appId, url, readRegistration(this, url)), registeredAt: new Date().toISOString() };
	records(this)[url] = record as unknown as IDataObject;
	return true;
}

/** Puts the previous callback back; a previous override Meta no longer verifies falls back to the app's callback. */
async function restore(context: IHookFunctions, wabaId: string, previous: PreviousSubscription): Promise<void> {
	if (previous.kind === 'none') {
		await cloudRequest.call(context, { method: 'DELETE', path: [wabaId, 'subscribed_apps'], noRetry: true });
		return;
	}
	if (previous.kind === 'override') {
		try {
			await subscribe(context, wabaId, { override_callback_uri: previous.uri, verify_token: await credentialText(context, 'verifyToken') });
			return;
		} catch (error) {
			context.logger.warn(
				`WhatsApp Cloud Trigger: the previous callback URL of WhatsApp Business Account ${wabaId} could not be restored (${(error as Error).message}); it now uses the app's callback URL`,
			);
		}
	}
	await subscribe(context, wabaId, {});
}

/** `delete`: restores the WABA's previous callback, unless someone has pointed it elsewhere since. */
export async function unsubscribeWaba(this: IHookFunctions): Promise<boolean> {
	const given = this.getNodeWebhookUrl('default');
	const record = typeof given === 'string' ? readRegistration(this, given) : undefined;
	if (record === undefined && !readSettings(this).registers) return true;
	const url = record?.webhookUrl ?? ownWebhookUrl(this);
	const wabaId = record?.wabaId ?? (await wabaIdOf(this));
	const current = await listSubscriptions(this, wabaId);
	if (current.some((entry) => entry.override === url)) {
		await restore(this, wabaId, record?.previous ?? { kind: 'app' });
	} else {
		this.logger.info(`WhatsApp Cloud Trigger: the callback of WhatsApp Business Account ${wabaId} was changed by someone else; left as it is`);
	}
	const remaining = records(this);
	delete remaining[url];
	if (Object.keys(remaining).length === 0) delete this.getWorkflowStaticData('node')[STATIC_FIELD];
	return true;
}
