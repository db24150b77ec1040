import type { IDataObject, ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { graphGetAll } from '../helpers/paging';
import { templateFields } from '../helpers/templateVariables';
import { getCloudConnection } from '../transport';

/** The variables of the chosen template (name and language as the Template and Language Code fields give them). */
export async function templateVariables(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const locator = String(this.getNodeParameter('template', '', { extractValue: true }) ?? '');
	const [name, listLanguage = ''] = locator.split('|');
	const language = String(this.getNodeParameter('languageCode', '') ?? '').trim() || listLanguage || 'en_US';
	if (!/^[a-z0-9_]+$/.test(name)) return { fields: [], emptyFieldsNotice: 'Choose a template first' };
	const { businessAccountId } = await getCloudConnection.call(this);
	if (!/^\d+$/.test(businessAccountId)) return { fields: [], emptyFieldsNotice: 'Set WhatsApp Business Account ID in the credential' };
	const templates: IDataObject[] = await graphGetAll.call(this, [businessAccountId, 'message_templates'], { name }, undefined, 100);
	const template = templates.find((entry) => entry.name === name && entry.language === language);
	if (template === undefined) return { fields: [], emptyFieldsNotice: `The account has no template "${name}" in ${language}` };
	const fields = templateFields(Array.isArray(template.components) ? (template.components as IDataObject[]) : []);
	return { fields, emptyFieldsNotice: 'This template has no variables' };
}
