/**
 * n8n's deduplication store for the harness. n8n-core only forwards `this.helpers.checkProcessedAndRecord` & co. to
 * `DataDeduplicationService`, whose backend lives in the n8n CLI (`DeduplicationHelper` on the `processed_data`
 * table through TypeORM). This is a faithful port of that backend for the modes our nodes use ('entries'): the
 * same row per (workflow, context) — context '' for workflow scope, `n:<node id>` for node scope —, the same
 * md5/base64 value hashes, the same `maxEntries` trimming (oldest first), and the same read-modify-write without a
 * lock: an await between reading the row and writing it back, as the database round-trips there.
 */
import { createHash } from 'node:crypto';

import { DataDeduplicationService } from 'n8n-core';
import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';

interface Row {
	mode: string;
	data: string[];
}

/** The `processed_data` table: rows as JSON text, keyed by `<workflow id>|<context>`. */
export const processedData = new Map<string, string>();

const roundTrip = async (): Promise<void> => await new Promise((resolve) => setImmediate(resolve));

function rowKey(scope: DeduplicationScope, contextData: ICheckProcessedContextData): string {
	if (scope === 'node' && !contextData.node) throw new Error("No node information has been provided and so cannot use scope 'node'");
	return `${contextData.workflow.id}|${scope === 'node' ? `n:${contextData.node!.id}` : ''}`;
}

const hash = (value: DeduplicationItemTypes): string => createHash('md5').update(value.toString()).digest('base64');

async function read(key: string): Promise<Row | undefined> {
	await roundTrip();
	const text = processedData.get(key);
	return text === undefined ? undefined : (JSON.parse(text) as Row);
}

async function write(key: string, row: Row): Promise<void> {
	await roundTrip();
	processedData.set(key, JSON.stringify(row));
}

class HarnessDeduplicator implements IDataDeduplicator {
	async checkProcessedAndRecord(items: DeduplicationItemTypes[], scope: DeduplicationScope, contextData: ICheckProcessedContextData, options: ICheckProcessedOptions): Promise<IDeduplicationOutput> {
		if (options.mode !== 'entries') throw new Error('Harness deduplicator: only mode "entries" is implemented');
		const key = rowKey(scope, contextData);
		const hashed = items.map(hash);
		const row = await read(key);
		if (row === undefined) {
			if (options.maxEntries) hashed.splice(0, hashed.length - options.maxEntries);
			await write(key, { mode: options.mode, data: hashed });
			return { new: items, processed: [] };
		}
		if (row.mode !== options.mode) throw new Error('Deduplication data was originally saved with an incompatible setting');
		const seen = new Set(row.data);
		const result: IDeduplicationOutput = { new: [], processed: [] };
		hashed.forEach((value, index) => {
			if (seen.has(value)) result.processed.push(items[index]);
			else {
				result.new.push(items[index]);
				row.data.push(value);
			}
		});
		if (options.maxEntries) row.data.splice(0, row.data.length - options.maxEntries);
		await write(key, row);
		return result;
	}

	async removeProcessed(items: DeduplicationItemTypes[], scope: DeduplicationScope, contextData: ICheckProcessedContextData): Promise<void> {
		const key = rowKey(scope, contextData);
		const row = await read(key);
		if (row === undefined) return;
		for (const value of items.map(hash)) {
			const index = row.data.indexOf(value);
			if (index !== -1) row.data.splice(index, 1);
		}
		await write(key, row);
	}

	async clearAllProcessedItems(scope: DeduplicationScope, contextData: ICheckProcessedContextData): Promise<void> {
		processedData.delete(rowKey(scope, contextData));
	}

	async getProcessedDataCount(scope: DeduplicationScope, contextData: ICheckProcessedContextData, options: ICheckProcessedOptions): Promise<number> {
		const row = await read(rowKey(scope, contextData));
		return options.mode === 'entries' && row ? row.data.length : 0;
	}
}

let initialised = false;

/** Installs the store once per process (DataDeduplicationService allows a single init). */
export async function initDeduplication(): Promise<void> {
	if (initialised) return;
	initialised = true;
	await DataDeduplicationService.init(new HarnessDeduplicator());
}
