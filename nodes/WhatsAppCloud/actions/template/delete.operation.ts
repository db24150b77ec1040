import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { Checker } from '../../helpers/checks';
import { businessAccountId } from '../../helpers/context';
import { cloudRequest } from '../../transport';

const properties: INodeProperties[] = [
	{ displayName: 'Template Name', name: 'templateName', type: 'string', default: '', required: true, placeholder: 'e.g. booking_reminder', description: 'Deletes the template in every language' },
	{ displayName: 'Template ID', name: 'templateId', type: 'string', default: '', placeholder: 'e.g. 594425479261596', description: 'Optional: delete only this language version (hsm_id)' },
];

const displayOptions = { show: { resource: ['template'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const check = new Checker(this, itemIndex);
	const name = check.param('templateName', 'Template Name', 512);
	if (!/^[a-z0-9_]+$/.test(name)) check.fail(`Template Name "${name}" is not a template name`, 'Template names use lower-case letters, digits and underscores.');
	const qs: IDataObject = { name };
	const id = String(this.getNodeParameter('templateId', itemIndex, '')).trim();
	if (id !== '') qs.hsm_id = check.graphId(id, 'Template ID');
	const waba = await businessAccountId.call(this, itemIndex);
	const answer = await cloudRequest.call(this, { method: 'DELETE', path: [waba, 'message_templates'], qs, itemIndex });
	return [{ json: { success: answer.success === true, name, ...(qs.hsm_id ? { templateId: qs.hsm_id } : {}) } }];
}
