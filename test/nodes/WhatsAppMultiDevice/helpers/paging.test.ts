import { NodeOperationError } from 'n8n-workflow';

import type { CursorPage, ListLimit, OffsetPage } from '../../../../nodes/WhatsAppMultiDevice/helpers/paging';
import {
	MAX_PAGES,
	applyLimit,
	collectCursorPages,
	collectOffsetPages,
	dataArray,
	getListLimit,
} from '../../../../nodes/WhatsAppMultiDevice/helpers/paging';
import { fakeContext } from './fakeContext';

const ALL: ListLimit = { returnAll: true, limit: Infinity };

/** A server holding `total` numbered entries that honours limit/offset (capped at `cap` per page). */
function offsetServer(total: number, cap = 100, reportTotal = true) {
	const calls: Array<{ offset: number; limit: number }> = [];
	const fetch = async (offset: number, limit: number): Promise<OffsetPage<number>> => {
		calls.push({ offset, limit });
		const size = Math.min(limit, cap);
		const entries = Array.from({ length: Math.max(0, Math.min(size, total - offset)) }, (_, i) => offset + i);
		return { entries, total: reportTotal ? total : undefined };
	};
	return { calls, fetch };
}

describe('getListLimit', () => {
	test('Return All gives an unbounded limit', () => {
		expect(getListLimit(fakeContext({ returnAll: true, limit: 5 }), 0)).toEqual({ returnAll: true, limit: Infinity });
	});
	test('Limit is read when Return All is off (default 50)', () => {
		expect(getListLimit(fakeContext({ returnAll: false, limit: 7 }), 0)).toEqual({ returnAll: false, limit: 7 });
		expect(getListLimit(fakeContext({}), 0)).toEqual({ returnAll: false, limit: 50 });
	});
	test.each([0, -1, 2.5, 'ten'])('Limit %j is rejected before any request', (limit) => {
		expect(() => getListLimit(fakeContext({ returnAll: false, limit }), 3)).toThrow(NodeOperationError);
		expect(() => getListLimit(fakeContext({ returnAll: false, limit }), 3)).toThrow(/Limit must be a whole number of at least 1/);
	});
});

describe('collectOffsetPages', () => {
	test('Return All walks every page and stops on the short last page', async () => {
		const server = offsetServer(250, 100, false);
		const entries = await collectOffsetPages(server.fetch, ALL, 100);
		expect(entries).toEqual(Array.from({ length: 250 }, (_, i) => i));
		expect(server.calls).toEqual([
			{ offset: 0, limit: 100 },
			{ offset: 100, limit: 100 },
			{ offset: 200, limit: 100 },
		]);
	});
	test('stops when the reported total is reached, without asking for an empty page', async () => {
		const server = offsetServer(200);
		expect(await collectOffsetPages(server.fetch, ALL, 100)).toHaveLength(200);
		expect(server.calls).toHaveLength(2);
	});
	test('without a total, an exact multiple ends with one empty page', async () => {
		const server = offsetServer(200, 100, false);
		expect(await collectOffsetPages(server.fetch, ALL, 100)).toHaveLength(200);
		expect(server.calls.map((call) => call.offset)).toEqual([0, 100, 200]);
	});
	test('Limit asks only for what is still missing', async () => {
		const server = offsetServer(1000);
		const entries = await collectOffsetPages(server.fetch, { returnAll: false, limit: 130 }, 100);
		expect(entries).toHaveLength(130);
		expect(entries[129]).toBe(129);
		expect(server.calls).toEqual([
			{ offset: 0, limit: 100 },
			{ offset: 100, limit: 30 },
		]);
	});
	test('a page shorter than asked for ends the loop (GOWA answers short pages only at the end)', async () => {
		const server = offsetServer(45, 20, false);
		expect(await collectOffsetPages(server.fetch, ALL, 100)).toHaveLength(20);
		expect(server.calls).toHaveLength(1);
	});
	test('a server ignoring offset is not looped forever', async () => {
		let calls = 0;
		const entries = await collectOffsetPages(
			async () => {
				calls++;
				return { entries: Array.from({ length: 100 }, (_, i) => i) };
			},
			ALL,
			100,
		);
		expect(calls).toBe(2);
		expect(entries).toHaveLength(100);
	});
	test('never more than MAX_PAGES requests', async () => {
		let calls = 0;
		await collectOffsetPages(
			async (offset) => {
				calls++;
				return { entries: [offset] };
			},
			ALL,
			1,
		);
		expect(calls).toBe(MAX_PAGES);
	});
});

describe('collectCursorPages', () => {
	/** Newsletter-like: ids 1..total, newest first; `before` returns ids strictly below it. */
	function cursorServer(total: number) {
		const calls: Array<{ before?: number; count: number }> = [];
		const fetch = async (before: number | undefined, count: number): Promise<CursorPage<number>> => {
			calls.push({ before, count });
			const top = before === undefined ? total : before - 1;
			const entries = Array.from({ length: Math.max(0, Math.min(count, top)) }, (_, i) => top - i);
			return { entries, next: entries.length > 0 ? Math.min(...entries) : undefined };
		};
		return { calls, fetch };
	}
	test('Return All follows the cursor to the oldest entry', async () => {
		const server = cursorServer(230);
		const entries = await collectCursorPages(server.fetch, ALL, 100);
		expect(entries).toHaveLength(230);
		expect(entries[0]).toBe(230);
		expect(entries[229]).toBe(1);
		expect(server.calls).toEqual([
			{ before: undefined, count: 100 },
			{ before: 131, count: 100 },
			{ before: 31, count: 100 },
		]);
	});
	test('Limit stops early and asks for the remainder only', async () => {
		const server = cursorServer(500);
		expect(await collectCursorPages(server.fetch, { returnAll: false, limit: 120 }, 100)).toHaveLength(120);
		expect(server.calls).toEqual([
			{ before: undefined, count: 100 },
			{ before: 401, count: 20 },
		]);
	});
	test('a cursor that does not move backwards ends the loop', async () => {
		let calls = 0;
		const entries = await collectCursorPages(
			async () => {
				calls++;
				return { entries: Array.from({ length: 10 }, (_, i) => i), next: 5 };
			},
			ALL,
			10,
		);
		expect(calls).toBe(2);
		expect(entries).toHaveLength(20);
	});
	test('a start cursor is sent with the first request', async () => {
		const server = cursorServer(500);
		const entries = await collectCursorPages(server.fetch, { returnAll: false, limit: 5 }, 100, 300);
		expect(entries).toEqual([299, 298, 297, 296, 295]);
		expect(server.calls).toEqual([{ before: 300, count: 5 }]);
	});
	test('a page without a cursor ends the loop', async () => {
		let calls = 0;
		await collectCursorPages(
			async () => {
				calls++;
				return { entries: [1, 2, 3] };
			},
			ALL,
			3,
		);
		expect(calls).toBe(1);
	});
});

describe('applyLimit and dataArray', () => {
	test('applyLimit cuts a one-piece list to the Limit', () => {
		expect(applyLimit([1, 2, 3], { returnAll: false, limit: 2 })).toEqual([1, 2]);
		expect(applyLimit([1, 2, 3], ALL)).toEqual([1, 2, 3]);
	});
	test('dataArray reads {data: [...]}, bare arrays, and null/missing data as empty', () => {
		expect(dataArray({ data: [{ a: 1 }, null, 'x'] })).toEqual([{ a: 1 }]);
		expect(dataArray([{ b: 2 }])).toEqual([{ b: 2 }]);
		expect(dataArray({ data: null })).toEqual([]);
		expect(dataArray(undefined)).toEqual([]);
	});
});
