import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { cloudRequest } from '../transport';

const PAGE_SIZE = 100;
const MAX_PAGES = 1000;

/** Graph cursor paging: `data[]` + `paging.cursors.after`, followed while `paging.next` exists and more is wanted. */
export async function graphGetAll(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	path: string[],
	qs: IDataObject,
	itemIndex: number | undefined,
	limit: number | undefined,
): Promise<IDataObject[]> {
	const results: IDataObject[] = [];
	let after: string | undefined;
	for (let page = 0; page < MAX_PAGES; page++) {
		const wanted = limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, limit - results.length);
		const answer = await cloudRequest.call(this, { method: 'GET', path, qs: { ...qs, limit: wanted, ...(after ? { after } : {}) }, itemIndex });
		const data = Array.isArray(answer.data) ? (answer.data as IDataObject[]) : [];
		results.push(...data);
		const paging = (answer.paging ?? {}) as IDataObject;
		const cursors = (paging.cursors ?? {}) as IDataObject;
		after = typeof cursors.after === 'string' && cursors.after !== '' ? cursors.after : undefined;
		if (data.length === 0 || after === undefined || typeof paging.next !== 'string' || (limit !== undefined && results.length >= limit)) break;
	}
	return limit === undefined ? results : results.slice(0, limit);
}

/** Return All / Limit of a list operation. */
export function wantedCount(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) === true) return undefined;
	return Math.max(1, Math.floor(Number(context.getNodeParameter('limit', itemIndex, 50))));
}
