// Stroke icons of the administration navigation, drawn like ../../ui/icons.tsx (none of them
// points anywhere, so none is mirrored in right-to-left layouts).
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

export const IconBuilding = (p: IconProps) => (
  <Svg
    paths={[
      'M4 20V5l8-2v17',
      'M12 8l8 2v10',
      'M3 20h18',
      'M7.5 8h1',
      'M7.5 12h1',
      'M7.5 16h1',
      'M15.5 13h1',
      'M15.5 16.5h1',
    ]}
    {...p}
  />
);
export const IconCalendar = (p: IconProps) => (
  <Svg paths={['M4 6h16v14H4z', 'M4 10h16', 'M8 3v5', 'M16 3v5', 'M8 14h2', 'M14 14h2', 'M8 17h2']} {...p} />
);
export const IconTimer = (p: IconProps) => (
  <Svg paths={['M12 21a8 8 0 1 0 0-16 8 8 0 0 0 0 16z', 'M12 9v4l2.5 1.5', 'M9 2h6', 'M12 2v3']} {...p} />
);
export const IconSitemap = (p: IconProps) => (
  <Svg paths={['M9 3h6v5H9z', 'M3 16h6v5H3z', 'M15 16h6v5h-6z', 'M12 8v4', 'M6 16v-4h12v4']} {...p} />
);
export const IconForm = (p: IconProps) => (
  <Svg paths={['M5 3h14v18H5z', 'M8 7h8', 'M8 11h8', 'M8 15h5']} {...p} />
);
export const IconUsersCog = (p: IconProps) => (
  <Svg
    paths={[
      'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
      'M3 21a6 6 0 0 1 9-5.2',
      'M18 15a2 2 0 1 0 0 4 2 2 0 0 0 0-4z',
      'M18 13v1',
      'M18 20v1',
      'M15 17h1',
      'M20 17h1',
    ]}
    {...p}
  />
);
export const IconShield = (p: IconProps) => (
  <Svg paths={['M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z', 'M9 12l2 2 4-4']} {...p} />
);
export const IconTemplate = (p: IconProps) => (
  <Svg paths={['M4 5h16v11H9l-5 4z', 'M8 9h8', 'M8 12h5']} {...p} />
);
export const IconPlug = (p: IconProps) => (
  <Svg paths={['M9 3v4', 'M15 3v4', 'M6 7h12v3a6 6 0 0 1-12 0z', 'M12 16v5']} {...p} />
);
export const IconOutbox = (p: IconProps) => (
  <Svg paths={['M4 13h4l1 3h6l1-3h4', 'M4 13v6h16v-6', 'M12 3v8', 'M9 6l3-3 3 3']} {...p} />
);
export const IconInboxes = (p: IconProps) => (
  <Svg paths={['M4 11h4l1 3h6l1-3h4', 'M4 11l2-6h12l2 6v6H4z', 'M6 20h12']} {...p} />
);
export const IconHistory = (p: IconProps) => (
  <Svg paths={['M4 12a8 8 0 1 0 2.3-5.6', 'M4 4v4h4', 'M12 8v4l3 2']} {...p} />
);
export const IconSettings = (p: IconProps) => (
  <Svg
    paths={[
      'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
      'M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z',
    ]}
    {...p}
  />
);
export const IconPlus = (p: IconProps) => <Svg paths={['M12 5v14', 'M5 12h14']} {...p} />;
export const IconTrash = (p: IconProps) => (
  <Svg paths={['M4 7h16', 'M10 11v6', 'M14 11v6', 'M5 7l1 13h12l1-13', 'M9 7V4h6v3']} {...p} />
);
export const IconPencil = (p: IconProps) => (
  <Svg paths={['M4 20h4L19 9l-4-4L4 16z', 'M13.5 6.5l4 4']} {...p} />
);
export const IconArrowUp = (p: IconProps) => <Svg paths={['M12 19V5', 'M6 11l6-6 6 6']} {...p} />;
export const IconArrowDown = (p: IconProps) => <Svg paths={['M12 5v14', 'M18 13l-6 6-6-6']} {...p} />;
