import { useEffect, useRef } from 'react';
import { Button, Flex, Image, Progress, Typography } from 'antd';
import { CameraOutlined, CloseOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { photoProblem } from './upload';

export interface PickedPhoto {
  key: string;
  file: File;
  url: string;
  /** 0–100 while uploading; null before. */
  progress: number | null;
  state: 'waiting' | 'uploading' | 'done' | 'failed';
}

let counter = 0;

/** Photos from the camera or the album, shown as thumbnails with their upload progress. */
export function PhotoPicker({
  photos,
  onChange,
  onProblem,
  disabled,
}: {
  photos: PickedPhoto[];
  onChange: (next: PickedPhoto[]) => void;
  onProblem: (message: string) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const latest = useRef(photos);
  latest.current = photos;
  // Object URLs are freed when the picker goes away.
  useEffect(() => () => latest.current.forEach((p) => URL.revokeObjectURL(p.url)), []);

  const add = (files: FileList | null) => {
    if (!files) return;
    const next = [...photos];
    for (const file of Array.from(files)) {
      const problem = photoProblem(file);
      if (problem) {
        onProblem(`${file.name}: ${t(`visits.${problem}`)}`);
        continue;
      }
      next.push({ key: `p${++counter}`, file, url: URL.createObjectURL(file), progress: null, state: 'waiting' });
    }
    onChange(next);
  };

  const remove = (key: string) => {
    const p = photos.find((x) => x.key === key);
    if (p) URL.revokeObjectURL(p.url);
    onChange(photos.filter((x) => x.key !== key));
  };

  return (
    <Flex wrap gap={8} data-testid="photo-picker">
      {photos.map((p) => (
        <div key={p.key} style={{ position: 'relative', width: 88, height: 88 }} data-testid="photo-thumb">
          <Image src={p.url} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 6 }} alt={p.file.name} />
          {p.state === 'uploading' && (
            <Progress
              percent={p.progress ?? 0}
              size="small"
              showInfo={false}
              style={{ position: 'absolute', left: 4, right: 4, bottom: 0, width: 80 }}
            />
          )}
          {p.state === 'failed' && (
            <Typography.Text type="danger" style={{ position: 'absolute', left: 4, bottom: 2 }}>
              <ExclamationCircleOutlined />
            </Typography.Text>
          )}
          {p.state !== 'uploading' && p.state !== 'done' && !disabled && (
            <Button
              size="small"
              shape="circle"
              icon={<CloseOutlined />}
              aria-label={t('visits.removePhoto')}
              onClick={() => remove(p.key)}
              style={{ position: 'absolute', top: 2, right: 2 }}
            />
          )}
        </div>
      ))}
      <Button
        icon={<CameraOutlined />}
        style={{ width: 88, height: 88, flexDirection: 'column' }}
        onClick={() => input.current?.click()}
        disabled={disabled}
      >
        <span style={{ fontSize: 12, whiteSpace: 'normal', lineHeight: 1.2 }}>{t('visits.addPhoto')}</span>
      </Button>
      <input
        ref={input}
        type="file"
        accept="image/*"
        multiple
        style={{ display: 'none' }}
        data-testid="photo-input"
        onChange={(e) => {
          add(e.target.files);
          e.target.value = '';
        }}
      />
    </Flex>
  );
}
