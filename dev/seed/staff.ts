/** Reference data, made first: the departments, the staff of the ER and the clinics, and the fleet. */
import type { GeneratorState, StaffMember } from './state.ts';
import {
  DEPARTMENTS,
  DEPARTMENT_SPECIALTY,
  NURSE_QUALIFICATION_MIX,
  PARAMEDIC_CERTIFICATIONS,
  PARAMEDIC_SPECIALIZATIONS,
} from './vocabulary.ts';

export function makeDepartments(g: GeneratorState): void {
  for (const name of DEPARTMENTS) {
    const id = g.nextId('department');
    g.departmentId.set(name, id);
    g.add('department', [id, name]);
  }
}

function addStaff(
  g: GeneratorState,
  type: 'physician' | 'nurse' | 'paramedic',
  department: string,
  active = true,
): StaffMember {
  const id = g.nextId('staff');
  const [first, last] = g.person();
  const member: StaffMember = {
    id,
    department: g.dept(department),
    shiftKind: (id % 2) as 0 | 1,
    offset: g.r.int(0, 6),
  };
  g.add('staff', [id, first, last, type, member.department, active ? 1 : 0]);
  g.allStaff.push(member);
  return member;
}

export function makeStaff(g: GeneratorState): void {
  const perDay = g.visitsPerDay;
  const erPhysicians = Math.max(8, Math.ceil(perDay / 11));
  const clinicPhysicians = Math.max(10, Math.ceil(perDay / 7));
  const erNurses = Math.max(16, Math.ceil(perDay / 3.5));
  const clinicNurses = Math.max(8, Math.ceil(perDay / 8));

  for (let i = 0; i < erPhysicians; i++) {
    const m = addStaff(g, 'physician', 'Emergency');
    g.add('physician', [m.id, 'Emergency Medicine']);
    g.erPhysicians.push(m);
  }
  const clinicDepartments = Object.keys(DEPARTMENT_SPECIALTY);
  for (let i = 0; i < clinicPhysicians; i++) {
    const department = clinicDepartments[i % clinicDepartments.length] ?? 'Family Medicine';
    const m = addStaff(g, 'physician', department);
    g.add('physician', [m.id, DEPARTMENT_SPECIALTY[department] ?? department]);
    g.clinicPhysicians.push(m);
  }
  for (let i = 0; i < erNurses + clinicNurses; i++) {
    const department = i < erNurses ? 'Emergency' : g.r.pick(clinicDepartments);
    const m = addStaff(g, 'nurse', department, g.r.chance(0.97));
    g.add('nurse', [m.id, g.r.weighted(NURSE_QUALIFICATION_MIX)]);
    (i < erNurses ? g.erNurses : g.clinicNurses).push(m);
  }
}

export function makeFleet(g: GeneratorState): void {
  const ambulanceIncidentsPerDay = g.visitsPerDay * 0.3;
  const fleet = Math.max(6, Math.ceil(ambulanceIncidentsPerDay / 3.5));
  const paramedics: number[] = [];
  for (let i = 0; i < Math.ceil(fleet * 2.5); i++) {
    const m = addStaff(g, 'paramedic', 'Emergency Medical Services');
    g.add('paramedic', [m.id, g.r.pick(PARAMEDIC_CERTIFICATIONS), g.r.pick(PARAMEDIC_SPECIALIZATIONS)]);
    paramedics.push(m.id);
    g.paramedics.push(m);
  }
  for (let i = 0; i < fleet; i++) {
    const id = g.nextId('ambulance');
    const type = i % 5 === 4 ? 'PT' : i % 5 >= 2 ? 'BLS' : 'ALS';
    const code = `${type === 'ALS' ? 'M' : type === 'BLS' ? 'A' : 'T'}${String(id).padStart(2, '0')}`;
    // Two paramedics per unit, and some units share a third who floats between them.
    const crew = [paramedics[(2 * i) % paramedics.length], paramedics[(2 * i + 1) % paramedics.length]];
    if (i % 3 === 0) crew.push(paramedics[(2 * fleet + i / 3) % paramedics.length]);
    const uniqueCrew = [...new Set(crew.filter((c): c is number => c !== undefined))];
    g.units.push({ id, code, type, crew: uniqueCrew, busyUntil: 0 });
    for (const staffId of uniqueCrew) g.add('ambulance_crew', [id, staffId]);
  }
}
