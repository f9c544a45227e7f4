// A few stroke icons drawn inline (no icon package is installed). Icons that point somewhere
// (arrows, "back") carry data-mirror so RTL flips them; symmetric ones do not.
import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement> & { size?: number };

function Svg({ paths, mirror, size = 18, ...props }: IconProps & { paths: string[]; mirror?: boolean }) {
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
      data-mirror={mirror ? '' : undefined}
      {...props}
    >
      {paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}

export const IconInbox = (p: IconProps) => (
  <Svg paths={['M4 13h4l1 3h6l1-3h4', 'M4 13l2-8h12l2 8v6H4z']} {...p} />
);
export const IconUser = (p: IconProps) => (
  <Svg paths={['M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M5 20a7 7 0 0 1 14 0']} {...p} />
);
export const IconUsers = (p: IconProps) => (
  <Svg
    paths={[
      'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z',
      'M3 20a6 6 0 0 1 12 0',
      'M16 4.5a3.5 3.5 0 0 1 0 6.5',
      'M18 14a6 6 0 0 1 3 6',
    ]}
    {...p}
  />
);
export const IconUserQuestion = (p: IconProps) => (
  <Svg
    paths={[
      'M10 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z',
      'M3 20a7 7 0 0 1 10-6.3',
      'M18 22v.01',
      'M18 19a2 2 0 1 0-2-2',
    ]}
    {...p}
  />
);
export const IconList = (p: IconProps) => (
  <Svg paths={['M9 6h11', 'M9 12h11', 'M9 18h11', 'M4 6h.01', 'M4 12h.01', 'M4 18h.01']} {...p} />
);
export const IconSearch = (p: IconProps) => (
  <Svg paths={['M10.5 17a6.5 6.5 0 1 0 0-13 6.5 6.5 0 0 0 0 13z', 'M20 20l-4.8-4.8']} {...p} />
);
export const IconArrowBack = (p: IconProps) => (
  <Svg paths={['M5 12h14', 'M5 12l6-6', 'M5 12l6 6']} mirror {...p} />
);
export const IconArrowForward = (p: IconProps) => <Svg paths={['M5 12h14', 'M13 6l6 6-6 6']} mirror {...p} />;
export const IconNote = (p: IconProps) => <Svg paths={['M5 4h10l4 4v12H5z', 'M9 12h6', 'M9 16h4']} {...p} />;
export const IconTransfer = (p: IconProps) => (
  <Svg paths={['M4 8h13', 'M14 5l3 3-3 3', 'M20 16H7', 'M10 13l-3 3 3 3']} mirror {...p} />
);
export const IconCheck = (p: IconProps) => <Svg paths={['M5 12l5 5L20 7']} {...p} />;
export const IconX = (p: IconProps) => <Svg paths={['M6 6l12 12', 'M18 6L6 18']} {...p} />;
export const IconLock = (p: IconProps) => <Svg paths={['M6 11h12v9H6z', 'M8 11V8a4 4 0 0 1 8 0v3']} {...p} />;
export const IconPaperclip = (p: IconProps) => (
  <Svg
    paths={['M15 7l-6.5 6.5a2.1 2.1 0 0 0 3 3L18 10a4.2 4.2 0 0 0-6-6l-6.5 6.5a6.4 6.4 0 0 0 9 9L21 13']}
    {...p}
  />
);
export const IconClock = (p: IconProps) => (
  <Svg paths={['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 7v5l3 2']} {...p} />
);
export const IconLogout = (p: IconProps) => (
  <Svg paths={['M14 8V5H5v14h9v-3', 'M10 12h11', 'M18 9l3 3-3 3']} mirror {...p} />
);
export const IconGlobe = (p: IconProps) => (
  <Svg
    paths={[
      'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
      'M3.6 9h16.8',
      'M3.6 15h16.8',
      'M12 3a15 15 0 0 1 0 18',
      'M12 3a15 15 0 0 0 0 18',
    ]}
    {...p}
  />
);
export const IconAlert = (p: IconProps) => (
  <Svg
    paths={[
      'M12 9v4',
      'M12 17h.01',
      'M10.3 4l-8 14a2 2 0 0 0 1.7 3h16a2 2 0 0 0 1.7-3l-8-14a2 2 0 0 0-3.4 0z',
    ]}
    {...p}
  />
);
export const IconCircle = (p: IconProps) => <Svg paths={['M12 20a8 8 0 1 0 0-16 8 8 0 0 0 0 16z']} {...p} />;
export const IconUserCheck = (p: IconProps) => (
  <Svg paths={['M9 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M3 20a6 6 0 0 1 11-3.3', 'M15 19l2 2 4-4']} {...p} />
);
export const IconMessage = (p: IconProps) => <Svg paths={['M4 5h16v11H8l-4 4z']} {...p} />;
export const IconKeyboard = (p: IconProps) => (
  <Svg paths={['M3 7h18v10H3z', 'M7 11h.01', 'M11 11h.01', 'M15 11h.01', 'M8 14h8']} {...p} />
);
