import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { getCloudConnection } from '../transport';
import { graphGetAll } from '../helpers/paging';

/** Approved templates of the credential's WABA, as `name|language` (both are needed to send). */
export async function searchTemplates(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const { businessAccountId } = await getCloudConnection.call(this);
	if (!/^\d+$/.test(businessAccountId)) return { results: [] };
	const templates: IDataObject[] = await graphGetAll.call(this, [businessAccountId, 'message_templates'], { status: 'APPROVED', fields: 'name,language,status,category' }, undefined, 1000);
	const needle = (filter ?? '').trim().toLowerCase();
	return {
		results: templates
			.filter((template) => template.status === undefined || template.status === 'APPROVED')
			.filter((template) => needle === '' || String(template.name).toLowerCase().includes(needle))
			.map((template) => ({ name: `${String(template.name)} (${String(template.language)})`, value: `${String(template.name)}|${String(template.language)}` })),
	};
}
