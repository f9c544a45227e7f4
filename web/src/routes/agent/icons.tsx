// The agent workspace's own stroke icons, drawn like ui/icons.tsx. Icons that point (send) carry
// data-mirror so RTL flips them; symmetric ones do not.
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

export const IconSend = (p: IconProps) => (
  <Svg paths={['M4 12l16-8-6 16-2-6z', 'M12 14l8-10']} mirror {...p} />
);
export const IconQuestion = (p: IconProps) => (
  <Svg
    paths={[
      'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z',
      'M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6',
      'M12 17h.01',
    ]}
    {...p}
  />
);
export const IconCalendar = (p: IconProps) => (
  <Svg paths={['M4 6h16v14H4z', 'M4 10h16', 'M8 3v4', 'M16 3v4', 'M12 13v4', 'M10 15h4']} {...p} />
);
export const IconGift = (p: IconProps) => (
  <Svg
    paths={[
      'M4 9h16v4H4z',
      'M5 13v7h14v-7',
      'M12 9v11',
      'M12 9c-2-4-6-4-6-1.5S10 9 12 9c2 0 6-1 6-1.5S14 5 12 9',
    ]}
    {...p}
  />
);
export const IconShield = (p: IconProps) => (
  <Svg paths={['M12 3l7 3v5c0 4.5-3 8.5-7 10-4-1.5-7-5.5-7-10V6z', 'M9 12l2 2 4-4']} {...p} />
);
export const IconShieldOff = (p: IconProps) => (
  <Svg paths={['M12 3l7 3v5c0 4.5-3 8.5-7 10-4-1.5-7-5.5-7-10V6z', 'M12 8v4', 'M12 15h.01']} {...p} />
);
export const IconPlus = (p: IconProps) => <Svg paths={['M12 5v14', 'M5 12h14']} {...p} />;
export const IconFile = (p: IconProps) => (
  <Svg paths={['M6 3h8l4 4v14H6z', 'M14 3v4h4', 'M9 13h6', 'M9 17h6']} {...p} />
);
export const IconBolt = (p: IconProps) => <Svg paths={['M13 3L5 14h6l-1 7 8-11h-6z']} {...p} />;
export const IconCheckCircle = (p: IconProps) => (
  <Svg paths={['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M8 12l3 3 5-6']} {...p} />
);
