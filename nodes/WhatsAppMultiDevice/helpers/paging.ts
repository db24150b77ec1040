import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** "Return All" on, or the "Limit" to stop at. */
export interface ListLimit {
	returnAll: boolean;
	/** Largest number of entries to return; Infinity with Return All. */
	limit: number;
}

/** Hard stop for any paging loop, whatever the server answers (100 entries per page ⇒ 100,000 entries). */
export const MAX_PAGES = 1000;

/** Reads the shared Return All / Limit fields (see returnAllField / limitField). */
export function getListLimit(context: IExecuteFunctions, itemIndex: number): ListLimit {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) === true;
	if (returnAll) return { returnAll, limit: Infinity };
	const raw = context.getNodeParameter('limit', itemIndex, 50) as unknown;
	const limit = Number(raw);
	if (!Number.isInteger(limit) || limit < 1) {
		throw new NodeOperationError(context.getNode(), `Limit must be a whole number of at least 1, not "${String(raw)}"`, {
			itemIndex,
			description: 'Set Limit to how many entries to return, or turn on Return All.',
		});
	}
	return { returnAll, limit };
}

/** Cuts a list the server returns in one piece (no paging on GOWA's side) to the Limit. */
export function applyLimit<T>(entries: T[], listLimit: ListLimit): T[] {
	return listLimit.returnAll ? entries : entries.slice(0, listLimit.limit);
}

export interface OffsetPage<T> {
	entries: T[];
	/** Total the server reports, if any. */
	total?: number;
}

/**
 * Collects `limit`/`offset` pages until the Limit is reached, or the server signals the end: an empty page,
 * a page shorter than asked for, or the reported total reached. Never more than MAX_PAGES requests.
 */
export async function collectOffsetPages<T>(
	fetchPage: (offset: number, pageSize: number) => Promise<OffsetPage<T>>,
	listLimit: ListLimit,
	maxPageSize: number,
): Promise<T[]> {
	const collected: T[] = [];
	let offset = 0;
	let previousFirst: string | undefined;
	for (let page = 0; page < MAX_PAGES && collected.length < listLimit.limit; page++) {
		const pageSize = Math.min(maxPageSize, listLimit.limit - collected.length);
		const { entries, total } = await fetchPage(offset, pageSize);
		// A server that ignores `offset` answers the same page again: stop instead of repeating it.
		const first = entries.length > 0 ? JSON.stringify(entries[0]) : undefined;
		if (page > 0 && first !== undefined && first === previousFirst) break;
		previousFirst = first;
		collected.push(...entries.slice(0, listLimit.limit - collected.length));
		offset += entries.length;
		if (entries.length === 0 || entries.length < pageSize) break;
		if (total !== undefined && offset >= total) break;
	}
	return collected;
}

export interface CursorPage<T> {
	entries: T[];
	/** Cursor of the next (older) page; undefined when there is none. */
	next?: number;
}

/**
 * Collects cursor pages (e.g. `before` = server id of the oldest entry so far). Stops on an empty or short
 * page, a missing cursor, or a cursor that does not move backwards (a server ignoring it would loop forever).
 */
export async function collectCursorPages<T>(
	fetchPage: (cursor: number | undefined, pageSize: number) => Promise<CursorPage<T>>,
	listLimit: ListLimit,
	maxPageSize: number,
	startCursor?: number,
): Promise<T[]> {
	const collected: T[] = [];
	let cursor: number | undefined = startCursor;
	for (let page = 0; page < MAX_PAGES && collected.length < listLimit.limit; page++) {
		const pageSize = Math.min(maxPageSize, listLimit.limit - collected.length);
		const { entries, next } = await fetchPage(cursor, pageSize);
		collected.push(...entries.slice(0, listLimit.limit - collected.length));
		if (entries.length === 0 || entries.length < pageSize || next === undefined) break;
		if (cursor !== undefined && next >= cursor) break;
		cursor = next;
	}
	return collected;
}

/** The `data` array of a `{data: [...]}` result, or the result itself when it already is an array. */
export function dataArray(results: unknown): IDataObject[] {
	const list = Array.isArray(results) ? results : (results as IDataObject | undefined)?.data;
	if (!Array.isArray(list)) return [];
	return list.filter((entry): entry is IDataObject => entry !== null && typeof entry === 'object');
}
