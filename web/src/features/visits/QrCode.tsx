import { useEffect, useState } from 'react';
import { Skeleton } from 'antd';
import QRCode from 'qrcode';

/** A QR code of `text` drawn in the browser (nothing leaves the phone to make it). */
export function QrCode({ text, size = 220 }: { text: string; size?: number }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { width: size, margin: 1, errorCorrectionLevel: 'M' })
      .then((u) => live && setUrl(u))
      .catch(() => live && setUrl(null));
    return () => {
      live = false;
    };
  }, [text, size]);
  if (!url) return <Skeleton.Node active style={{ width: size, height: size }} />;
  return <img src={url} width={size} height={size} alt="QR" data-testid="confirm-qr" style={{ maxWidth: '100%', height: 'auto' }} />;
}
