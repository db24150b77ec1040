import type { INodeProperties } from 'n8n-workflow';

import type { OperationMap } from '../operation.types';
import * as add from './add.operation';
import * as deleteDevice from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as getStatus from './getStatus.operation';
import * as getWebhook from './getWebhook.operation';
import * as login from './login.operation';
import * as loginWithCode from './loginWithCode.operation';
import * as logout from './logout.operation';
import * as reconnect from './reconnect.operation';
import * as setWebhook from './setWebhook.operation';

export const operations: OperationMap = {
	getAll,
	add,
	get,
	delete: deleteDevice,
	login,
	loginWithCode,
	logout,
	reconnect,
	getStatus,
	getWebhook,
	setWebhook,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['device'] } },
		default: 'getAll',
		options: [
			{
				name: 'Add',
				value: 'add',
				action: 'Add a device',
				description: 'Create a device slot for a WhatsApp account (optionally with its own webhook); pair it next with Log In',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a device',
				description: 'Remove a device slot for good (destructive): logs it out and erases its session and chat data',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a device',
				description: 'Get one device: state, JID, phone number, display name',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many devices',
				description: 'List the devices (WhatsApp accounts) of the server with their state',
			},
			{
				name: 'Get Status',
				value: 'getStatus',
				action: 'Get the status of a device',
				description: 'Whether a device is connected and logged in to WhatsApp',
			},
			{
				name: 'Get Webhook',
				value: 'getWebhook',
				action: 'Get the webhook of a device',
				description: 'Get the device’s own webhook URL, events and TLS setting (the secret is not output)',
			},
			{
				name: 'Log In With Pairing Code',
				value: 'loginWithCode',
				action: 'Log in a device with a pairing code',
				description: 'Get a pairing code for a device to type on the phone instead of scanning a QR code',
			},
			{
				name: 'Log In With QR Code',
				value: 'login',
				action: 'Log in a device with a QR code',
				description: 'Start pairing a device; returns the QR code to scan as a PNG image (binary)',
			},
			{
				name: 'Log Out',
				value: 'logout',
				action: 'Log out a device',
				description: 'Unlink the WhatsApp account from a device (destructive: it must be paired again); the slot is kept',
			},
			{
				name: 'Reconnect',
				value: 'reconnect',
				action: 'Reconnect a device',
				description: 'Reconnect a device to WhatsApp after a disconnection',
			},
			{
				name: 'Set Webhook',
				value: 'setWebhook',
				action: 'Set the webhook of a device',
				description: 'Point a device’s events to a webhook URL with its own secret and event filter; replaces the whole configuration',
			},
		],
	},
	...getAll.description,
	...add.description,
	...get.description,
	...deleteDevice.description,
	...login.description,
	...loginWithCode.description,
	...logout.description,
	...reconnect.description,
	...getStatus.description,
	...getWebhook.description,
	...setWebhook.description,
];
