import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../operation.types';
import * as checkHealth from './checkHealth.operation';
import * as getDevices from './getDevices.operation';
import * as health from './health.operation';
import * as info from './info.operation';
import * as login from './login.operation';
import * as loginWithCode from './loginWithCode.operation';
import * as logout from './logout.operation';
import * as passkeyConfirm from './passkeyConfirm.operation';
import * as passkeyResponse from './passkeyResponse.operation';
import * as passkeyStatus from './passkeyStatus.operation';
import * as reconnect from './reconnect.operation';
import * as status from './status.operation';

export const operations: OperationMap = {
	checkHealth,
	status,
	info,
	health,
	login,
	loginWithCode,
	logout,
	reconnect,
	getDevices,
	passkeyStatus,
	passkeyResponse,
	passkeyConfirm,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		default: 'status',
		options: [
			{
				name: 'Check Endpoint Health',
				value: 'checkHealth',
				action: 'Check the health of the GOWA endpoint',
				description: 'One report for dashboards: server up, version, latency, devices and whether the device is logged in. Never fails for a server that is down.',
			},
			{
				name: 'Check Server Health',
				value: 'health',
				action: 'Check the server health probe',
				description: 'Call GOWA’s /health probe (at the server root, no device): OK or Service Unavailable',
			},
			{
				name: 'Confirm Passkey Pairing',
				value: 'passkeyConfirm',
				action: 'Confirm the passkey pairing code',
				description: 'Confirm that the passkey pairing code matches the one shown on the phone',
			},
			{
				name: 'Get Devices',
				value: 'getDevices',
				action: 'Get the devices of the session',
				description: 'List the server’s devices as the session API reports them (name, slot ID, JID). Device → Get Many gives state and phone number too.',
			},
			{
				name: 'Get Passkey Status',
				value: 'passkeyStatus',
				action: 'Get the passkey pairing status',
				description: 'Get the pending passkey pairing state of the device and its WebAuthn challenge',
			},
			{
				name: 'Get Server Info',
				value: 'info',
				action: 'Get the server info',
				description: 'Get GOWA’s version, base path and upload size limits (GOWA v9+)',
			},
			{
				name: 'Get Status',
				value: 'status',
				action: 'Get the connection status of the device',
				description: 'Whether the device is connected and logged in to WhatsApp, and its JID',
			},
			{
				name: 'Log In With Pairing Code',
				value: 'loginWithCode',
				action: 'Log in with a pairing code',
				description: 'Get a pairing code to type on the phone instead of scanning a QR code',
			},
			{
				name: 'Log In With QR Code',
				value: 'login',
				action: 'Log in with a QR code',
				description: 'Start pairing the device; returns the QR code to scan as a PNG image (binary)',
			},
			{
				name: 'Log Out',
				value: 'logout',
				action: 'Log out the device',
				description: 'Unlink the WhatsApp account from the device (destructive: it must be paired again). The device slot is kept.',
			},
			{
				name: 'Reconnect',
				value: 'reconnect',
				action: 'Reconnect the device',
				description: 'Reconnect the device to WhatsApp after a disconnection',
			},
			{
				name: 'Submit Passkey Response',
				value: 'passkeyResponse',
				action: 'Submit the passkey response',
				description: 'Send the WebAuthn assertion answering the passkey challenge of a pairing',
			},
		],
	},
	...checkHealth.description,
	...status.description,
	...info.description,
	...health.description,
	...login.description,
	...loginWithCode.description,
	...logout.description,
	...reconnect.description,
	...getDevices.description,
	...passkeyStatus.description,
	...passkeyResponse.description,
	...passkeyConfirm.description,
];
