import { registerDecorator, ValidationArguments } from 'class-validator';
import { customFieldsProblems } from '../../domain/custom-fields';

/** class-validator face of `customFieldsProblems`, so DTOs and the bulk row parser share one rule. */
export function IsCustomFields(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCustomFields',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => customFieldsProblems(value).length === 0,
        defaultMessage: (args?: ValidationArguments) =>
          customFieldsProblems(args?.value, args?.property)
            .map((p) => `${p.field}: ${p.errors.join(', ')}`)
            .join('; '),
      },
    });
}
