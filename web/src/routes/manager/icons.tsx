// Icons the manager's screens need beyond the shared set, drawn the same way (inline strokes).
import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function Svg({ paths, size = 18, ...props }: IconProps & { paths: string[] }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

export const IconChart = (p: IconProps) => (
  <Svg paths={['M4 20h16', 'M7 16v-5', 'M12 16V7', 'M17 16v-8']} {...p} />
);
export const IconClipboardCheck = (p: IconProps) => (
  <Svg paths={['M9 4h6v3H9z', 'M9 5H6v15h12V5h-3', 'M9 13l2 2 4-4']} {...p} />
);
export const IconDownload = (p: IconProps) => (
  <Svg paths={['M12 4v11', 'M7 10l5 5 5-5', 'M5 20h14']} {...p} />
);
export const IconBriefcase = (p: IconProps) => (
  <Svg paths={['M4 8h16v11H4z', 'M9 8V5h6v3', 'M4 13h16']} {...p} />
);
