import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { gowaRequest } from '../../../shared/transport';
import { deviceOverride } from '../../helpers/device';
import { getNewsletterId } from '../../helpers/newsletter';
import { newsletterIdField } from './newsletter.descriptions';

const properties: INodeProperties[] = [newsletterIdField];

const displayOptions = { show: { resource: ['newsletter'], operation: ['unfollow'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const newsletterId = getNewsletterId(this, itemIndex);
	const results = await gowaRequest.call(this, {
		method: 'POST',
		path: '/newsletter/unfollow',
		body: { newsletter_id: newsletterId },
		deviceScoped: true,
		deviceId: deviceOverride(this, itemIndex),
		itemIndex,
	});
	const message = Array.isArray(results) ? undefined : results.message;
	return [{ json: { success: true, unfollowed: true, newsletterId, serverStatus: typeof message === 'string' && message !== '' ? message : null } }];
}
