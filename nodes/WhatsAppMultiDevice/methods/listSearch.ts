import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { gowaEnvelopeRequest } from '../../shared/transport';

/** Devices of the credential's GOWA server for the Device pickers: "Salon Ayu · +62811… (logged_in)". */
export async function searchDevices(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const envelope = await gowaEnvelopeRequest.call(this, { method: 'GET', path: '/devices', noRetry: true });
	const devices = (Array.isArray(envelope.results) ? envelope.results : []) as IDataObject[];
	const wanted = (filter ?? '').trim().toLowerCase();
	const results = devices
		.map((device) => {
			const id = String(device.id ?? '');
			const label = String(device.display_name || id);
			const phone = device.phone_number ? ` · +${String(device.phone_number)}` : '';
			return { name: `${label}${phone} (${String(device.state ?? 'unknown')})`, value: id };
		})
		.filter((entry) => entry.value !== '')
		.filter((entry) => wanted === '' || `${entry.name} ${entry.value}`.toLowerCase().includes(wanted));
	return { results };
}
