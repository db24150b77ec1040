import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import type { DescribedFailure } from './errors';

/**
 * How one execution of the action node delivers requests: pacing per tenant device, a daily cap,
 * retries with backoff. The router creates one policy per execution; the transport consults it.
 */

export interface DeliverySettings {
	/** Items processed at the same time (1 = strictly one after another). */
	parallelRequests: number;
	messagesPerMinute: number;
	messagesPerHour: number;
	messagesPerDay: number;
	/** Extra random pause between two sends of one device, 0…jitterMs. */
	jitterMs: number;
	/** What happens to items once the daily cap is reached. */
	onDailyLimit: 'fail' | 'returnUnsent';
	maxAttempts: number;
	baseDelayMs: number;
	/** Longest wait a Retry-After header may impose before we give up instead. */
	maxRetryAfterMs: number;
	/** Retry sends whose outcome is unknown (timeout, 504, connection reset): they may have been delivered. */
	retryUnknownDelivery: boolean;
	timeoutMs: number;
}

export const DEFAULT_DELIVERY: DeliverySettings = {
	parallelRequests: 5,
	messagesPerMinute: 0,
	messagesPerHour: 0,
	messagesPerDay: 0,
	jitterMs: 0,
	onDailyLimit: 'fail',
	maxAttempts: 3,
	baseDelayMs: 1000,
	maxRetryAfterMs: 120_000,
	retryUnknownDelivery: false,
	timeoutMs: 60_000,
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Raised when a device's daily cap is used up; the router turns it into a failed or skipped item. */
export class DailyLimitReached extends Error {
	constructor(
		readonly deviceKey: string,
		readonly limit: number,
	) {
		super(`Daily limit of ${limit} messages reached for this device`);
		this.name = 'DailyLimitReached';
	}
}

/** Hourly send counts per device key, kept in workflow static data so the daily cap spans executions. */
export type DailyCounts = Record<string, Record<string, number>>;

export class Pacer {
	private readonly nextSlotAt = new Map<string, number>();

	constructor(
		private readonly settings: DeliverySettings,
		private readonly dailyCounts: DailyCounts,
		private readonly now: () => number = Date.now,
		private readonly random: () => number = Math.random,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {}

	/** Minimum spacing between two sends of one device, from the per-minute and per-hour limits. */
	get intervalMs(): number {
		const perMinute = this.settings.messagesPerMinute > 0 ? 60_000 / this.settings.messagesPerMinute : 0;
		const perHour = this.settings.messagesPerHour > 0 ? HOUR / this.settings.messagesPerHour : 0;
		return Math.max(perMinute, perHour);
	}

	sentToday(deviceKey: string): number {
		const buckets = this.dailyCounts[deviceKey] ?? {};
		const oldest = Math.floor((this.now() - DAY) / HOUR);
		let total = 0;
		for (const [hour, count] of Object.entries(buckets)) {
			if (Number(hour) > oldest) total += count;
			else delete buckets[hour];
		}
		return total;
	}

	private count(deviceKey: string): void {
		const buckets = (this.dailyCounts[deviceKey] ??= {});
		const hour = String(Math.floor(this.now() / HOUR));
		buckets[hour] = (buckets[hour] ?? 0) + 1;
	}

	/**
	 * Waits for this device's next free slot and reserves it. Reservation happens before the first await,
	 * so concurrent callers queue up in call order.
	 */
	async acquire(deviceKey: string): Promise<void> {
		const limit = this.settings.messagesPerDay;
		if (limit > 0 && this.sentToday(deviceKey) >= limit) throw new DailyLimitReached(deviceKey, limit);
		this.count(deviceKey);
		const interval = this.intervalMs;
		const jitter = this.settings.jitterMs > 0 ? Math.floor(this.random() * (this.settings.jitterMs + 1)) : 0;
		if (interval === 0 && jitter === 0) return;
		const now = this.now();
		const at = Math.max(now, this.nextSlotAt.get(deviceKey) ?? now);
		this.nextSlotAt.set(deviceKey, at + interval + jitter);
		if (at > now) await this.wait(at - now);
	}
}

/** Exponential backoff with equal jitter: base·2^(n−1)·[0.5, 1). Retry-After wins when the server sends it. */
export function backoffMs(settings: DeliverySettings, failedAttempt: number, retryAfterMs: number | undefined, random = Math.random): number {
	if (retryAfterMs !== undefined) return retryAfterMs;
	const exponential = settings.baseDelayMs * 2 ** (failedAttempt - 1);
	return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** Whether a failed attempt should be tried again. */
export function shouldRetry(
	settings: DeliverySettings,
	failure: DescribedFailure,
	attempt: number,
	idempotent: boolean,
	retryAfterMs: number | undefined,
): boolean {
	if (attempt >= settings.maxAttempts) return false;
	if (!failure.transient) return false;
	if (failure.deliveryUnknown && !idempotent && !settings.retryUnknownDelivery) return false;
	if (retryAfterMs !== undefined && retryAfterMs > settings.maxRetryAfterMs) return false;
	return true;
}

/** The per-execution state the transport consults: settings, pacer and attempt counts per item. */
export class DeliveryPolicy {
	readonly attempts = new Map<number, number>();

	readonly pacer: Pacer;

	constructor(
		readonly settings: DeliverySettings,
		dailyCounts: DailyCounts,
	) {
		this.pacer = new Pacer(settings, dailyCounts);
	}

	recordAttempt(itemIndex: number | undefined): void {
		if (itemIndex === undefined) return;
		this.attempts.set(itemIndex, (this.attempts.get(itemIndex) ?? 0) + 1);
	}

	attemptsOf(itemIndex: number): number {
		return this.attempts.get(itemIndex) ?? 0;
	}
}

const policies = new WeakMap<object, DeliveryPolicy>();

export function attachDeliveryPolicy(context: object, policy: DeliveryPolicy): void {
	policies.set(context, policy);
}

export function deliveryPolicyOf(context: object): DeliveryPolicy | undefined {
	return policies.get(context);
}

/** Requests that deliver a message to someone: paced and counted. Presence and typing are not messages. */
export function isMessageSend(method: string, path: string): boolean {
	if (method !== 'POST') return false;
	if (/^\/send\/(message|image|audio|file|video|sticker|contact|link|location|poll)$/.test(path)) return true;
	return /^\/message\/[^/]+\/forward$/.test(path);
}

/** Reads the node's "Sending" collection into settings, clamping nonsense to safe values. */
export function deliverySettingsFrom(options: IDataObject): DeliverySettings {
	const number = (key: keyof DeliverySettings, min: number, max: number): number => {
		const value = Number(options[key] ?? DEFAULT_DELIVERY[key]);
		if (!Number.isFinite(value)) return DEFAULT_DELIVERY[key] as number;
		return Math.min(max, Math.max(min, value));
	};
	return {
		parallelRequests: Math.floor(number('parallelRequests', 1, 100)),
		messagesPerMinute: number('messagesPerMinute', 0, 100_000),
		messagesPerHour: number('messagesPerHour', 0, 1_000_000),
		messagesPerDay: Math.floor(number('messagesPerDay', 0, 10_000_000)),
		jitterMs: Math.floor(number('jitterMs', 0, 600_000)),
		onDailyLimit: options.onDailyLimit === 'returnUnsent' ? 'returnUnsent' : 'fail',
		maxAttempts: Math.floor(number('maxAttempts', 1, 10)),
		baseDelayMs: number('baseDelayMs', 0, 600_000),
		maxRetryAfterMs: number('maxRetryAfterMs', 0, 3_600_000),
		retryUnknownDelivery: options.retryUnknownDelivery === true,
		timeoutMs: number('timeoutMs', 1_000, 600_000),
	};
}
