// A simple ecogram: the household in the centre, the network on three rings by closeness. The
// three groups differ by shape (circle, square, diamond), not by colour alone. One image with a
// Dutch summary as its name; the list beside it is the text alternative.
import { CLOSENESS_LABELS, NETWORK_GROUPS, NETWORK_KIND_LABELS } from '../../../server/modules/network/network.schemas';
import type { NetworkMember } from './api';

export const GROUP_LABELS = { eigen: 'Eigen netwerk', informeel: 'Informeel georganiseerd', professioneel: 'Professioneel' } as const;
export type NetworkGroup = keyof typeof GROUP_LABELS;
export const GROUP_ORDER: NetworkGroup[] = ['eigen', 'informeel', 'professioneel'];
const SHAPE_NAMES: Record<NetworkGroup, string> = { eigen: 'rondje', informeel: 'vierkant', professioneel: 'ruit' };

const RADII: Record<1 | 2 | 3, number> = { 1: 115, 2: 190, 3: 265 };

function shorten(text: string, max = 20): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function Shape({ group, x = 0, y = 0, size = 10 }: { group: NetworkGroup; x?: number; y?: number; size?: number }) {
  const className = `kt-ecogram__shape kt-ecogram__shape--${group}`;
  if (group === 'eigen') return <circle className={className} cx={x} cy={y} r={size} />;
  if (group === 'informeel') return <rect className={className} x={x - size * 0.9} y={y - size * 0.9} width={size * 1.8} height={size * 1.8} />;
  const d = size * 1.25;
  return <polygon className={className} points={`${x},${y - d} ${x + d},${y} ${x},${y + d} ${x - d},${y}`} />;
}

function describe(member: NetworkMember): string {
  const parts = [member.relation, NETWORK_KIND_LABELS[member.kind].toLowerCase()].filter(Boolean);
  return `${member.name} (${parts.join(', ')})`;
}

export function ecogramLabel(members: NetworkMember[], household: string): string {
  const rings = ([1, 2, 3] as const).map((c) => {
    const here = members.filter((m) => m.closeness === c);
    return `${CLOSENESS_LABELS[c]}: ${here.length ? here.map(describe).join('; ') : 'niemand'}`;
  });
  return `Ecogram van het netwerk rond het huishouden van ${household}, dat in het midden staat. ${rings.join('. ')}. Eigen netwerk als rondje, informeel georganiseerd als vierkant, professioneel als ruit. De lijst hieronder geeft dezelfde gegevens.`;
}

export function Ecogram({ members, household }: { members: NetworkMember[]; household: string }) {
  const placed = ([1, 2, 3] as const).flatMap((closeness) => {
    const here = members.filter((m) => m.closeness === closeness);
    // Each ring starts at a different angle, so people on neighbouring rings do not line up, and
    // away from the top, where the ring's name stands.
    const start = -90 + 35 + (closeness - 1) * 25;
    return here.map((member, index) => {
      const angle = ((start + (index * 360) / here.length) * Math.PI) / 180;
      return { member, x: Math.cos(angle) * RADII[closeness], y: Math.sin(angle) * RADII[closeness] };
    });
  });
  return (
    <figure className="kt-ecogram">
      <svg viewBox="-350 -320 700 640" role="img" aria-label={ecogramLabel(members, household)} className="kt-ecogram__svg">
        {([3, 2, 1] as const).map((c) => (
          <g key={c}>
            <circle className={`kt-ecogram__ring kt-ecogram__ring--${c}`} cx={0} cy={0} r={RADII[c]} />
            <text className="kt-ecogram__ring-label" x={0} y={-RADII[c] + 16} textAnchor="middle">
              {CLOSENESS_LABELS[c]}
            </text>
          </g>
        ))}
        {placed.map(({ member, x, y }) => (
          <line key={member.id} className="kt-ecogram__tie" x1={0} y1={0} x2={x} y2={y} />
        ))}
        <circle className="kt-ecogram__household" cx={0} cy={0} r={60} />
        <text className="kt-ecogram__household-label" x={0} y={-4} textAnchor="middle">
          Huishouden
        </text>
        <text className="kt-ecogram__household-name" x={0} y={14} textAnchor="middle">
          {shorten(household, 16)}
        </text>
        {placed.map(({ member, x, y }) => (
          <g key={member.id}>
            <Shape group={NETWORK_GROUPS[member.kind]} x={x} y={y} />
            <text className="kt-ecogram__name" x={x} y={y + 26} textAnchor="middle">
              {shorten(member.name)}
            </text>
            {member.relation && (
              <text className="kt-ecogram__relation" x={x} y={y + 42} textAnchor="middle">
                {shorten(member.relation)}
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption className="utrecht-paragraph">
        Ecogram: het huishouden in het midden, het netwerk in drie ringen van dichtbij naar verder weg. De lijst hieronder geeft dezelfde gegevens.
        <span className="kt-ecogram__legend">
          {GROUP_ORDER.map((group) => (
            <span key={group} className="kt-ecogram__legend-item">
              <svg viewBox="-14 -14 28 28" width="20" height="20" aria-hidden="true" focusable="false">
                <Shape group={group} size={9} />
              </svg>
              {GROUP_LABELS[group]} ({SHAPE_NAMES[group]})
            </span>
          ))}
        </span>
      </figcaption>
    </figure>
  );
}
