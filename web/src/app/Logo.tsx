/** The app mark: 联 on a red tile. */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" style={{ flex: 'none' }}>
      <rect width="64" height="64" rx="12" fill="#c41d1d" />
      <text
        x="32"
        y="44"
        fontSize="34"
        textAnchor="middle"
        fill="#fff"
        fontFamily="'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
      >
        联
      </text>
    </svg>
  );
}
