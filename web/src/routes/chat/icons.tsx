// Icons of the chat console that the shared set does not have, drawn like web/src/ui/icons.tsx.
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

export const IconChat = (p: IconProps) => <Svg paths={['M4 5h16v11H8l-4 4z', 'M8 9h8', 'M8 12h5']} {...p} />;
export const IconFilePlus = (p: IconProps) => (
  <Svg paths={['M6 3h8l4 4v14H6z', 'M14 3v4h4', 'M12 11v6', 'M9 14h6']} {...p} />
);
export const IconLink = (p: IconProps) => (
  <Svg
    paths={[
      'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1',
      'M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
    ]}
    {...p}
  />
);
