import { describe, expect, it } from 'vitest';
import { checkUpload, safeFilename } from './file-check.ts';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4e20000000049454e44ae426082',
  'hex',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

describe('upload checks', () => {
  it('accepts a PNG whose name says PNG', async () => {
    expect(await checkUpload(PNG, 'scan.png', 1024 * 1024)).toEqual({ mime: 'image/png', ext: 'png' });
  });

  it('refuses an executable renamed to .pdf (content decides, not the name)', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]);
    await expect(checkUpload(elf, 'invoice.pdf', 1024 * 1024)).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });

  it('refuses a real PDF named as something else', async () => {
    await expect(checkUpload(PDF, 'photo.jpg', 1024 * 1024)).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });

  it('refuses plain text and empty files, whose type cannot be proven', async () => {
    await expect(checkUpload(Buffer.from('<script>alert(1)</script>'), 'a.png', 1024)).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    await expect(checkUpload(Buffer.alloc(0), 'a.png', 1024)).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
  });

  it('refuses files over the limit', async () => {
    await expect(checkUpload(PNG, 'scan.png', 10)).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('strips paths, control characters and leading dots from names', () => {
    expect(safeFilename('../../etc/passwd')).toBe('passwd');
    expect(safeFilename('C:\\Users\\x\\scan.pdf')).toBe('scan.pdf');
    expect(safeFilename('..\u0000hidden<>.png')).toBe('hidden.png');
    expect(safeFilename('')).toBe('file');
  });
});
