import { useMe } from '../../api/auth';
import { currentLanguage } from '../../app/i18n';
import { NetworkError, toApiError } from '../../api/errors';
import type { Visit } from './api';

export const maxPhotoBytes = 10 * 1024 * 1024;
export const photoTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif'];

/** Why a chosen file cannot be a visit photo (checked again by the server, by content). */
export function photoProblem(file: { size: number; type: string }): 'photoTooBig' | 'photoWrongType' | null {
  if (file.type && !photoTypes.includes(file.type.toLowerCase())) return 'photoWrongType';
  if (file.size > maxPhotoBytes) return 'photoTooBig';
  return null;
}

/**
 * Uploads one photo to a visit with progress (fetch cannot report upload progress, XHR can); the
 * same headers and the same errors as every other request.
 */
export function uploadPhoto(
  visitId: string,
  file: Blob,
  session: { csrfToken: string | null; lang: 'zh-CN' | 'en' },
  onProgress: (percent: number) => void,
): Promise<Visit> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/visits/${visitId}/photos`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('x-lang', session.lang);
    if (session.csrfToken) xhr.setRequestHeader('x-csrf-token', session.csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        resolve(body as Visit);
      } else reject(toApiError(xhr.status, body, session.lang === 'en' ? 'The upload failed' : '上传失败'));
    };
    xhr.onerror = () => reject(new NetworkError(new Error('upload failed')));
    const form = new FormData();
    form.append('file', file, (file as File).name || 'photo.jpg');
    xhr.send(form);
  });
}

/** What an upload needs from the session: the CSRF token and the language. */
export function useUploadSession() {
  const me = useMe();
  return { csrfToken: me.data?.csrfToken ?? null, lang: currentLanguage() };
}
