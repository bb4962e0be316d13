import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fileResponse } from './file-response';
import { nameForType } from './sniff-type';

// Issue 15 item 18: "p.html" holding a PDF was stored and served under its .html name.
describe('uploads are named and served by their content type', () => {
  test('the extension follows the sniffed type', () => {
    assert.equal(nameForType('p.html', 'application/pdf'), 'p.pdf');
    assert.equal(nameForType('照片.JPG', 'image/jpeg'), '照片.JPG');
    assert.equal(nameForType('scan.jpeg', 'image/jpeg'), 'scan.jpeg');
    assert.equal(nameForType('noext', 'image/png'), 'noext.png');
    assert.equal(nameForType('.htaccess', 'image/png'), '.htaccess.png');
    assert.equal(nameForType('x.svg', 'image/webp'), 'x.webp');
  });
  test('files stored before keep their row but are served under the right name', () => {
    const res = fileResponse({ contentType: 'application/pdf', filename: 'p.html' }, new Uint8Array([1]));
    assert.match(res.headers.get('content-disposition')!, /filename\*=UTF-8''p\.pdf$/);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
  });
});
