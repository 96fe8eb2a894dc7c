using System.Reflection;
using System.Reflection.Emit;

namespace PressReleases.TestSupport;

/// <summary>
/// Which types a compiled assembly's types use, read from the assembly itself: base types, interfaces, member
/// signatures and every type, method and field their method bodies name (the IL's tokens). Source-level
/// checks miss too much (a namespace sees its parents' types without a using), compiled code does not.
/// </summary>
public static class TypeDependencies
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>For every namespace of <paramref name="assembly"/> starting with <paramref name="prefix"/>, the other such namespaces its types use.</summary>
    public static Dictionary<string, SortedSet<string>> BetweenNamespaces(Assembly assembly, string prefix) =>
        UsedByNamespace(assembly, prefix).ToDictionary(
            pair => pair.Key,
            pair => new SortedSet<string>(
                pair.Value.Where(used => used.Assembly == assembly).Select(NamespaceOf).OfType<string>()
                    .Where(to => to != pair.Key && to.StartsWith(prefix, StringComparison.Ordinal)),
                StringComparer.Ordinal),
            StringComparer.Ordinal);

    /// <summary>For every namespace of <paramref name="assembly"/> starting with <paramref name="prefix"/>, the other assemblies (by name) whose types it uses.</summary>
    public static Dictionary<string, SortedSet<string>> AssembliesUsed(Assembly assembly, string prefix) =>
        UsedByNamespace(assembly, prefix).ToDictionary(
            pair => pair.Key,
            pair => new SortedSet<string>(pair.Value.Where(used => used.Assembly != assembly).Select(used => used.Assembly.GetName().Name!), StringComparer.Ordinal),
            StringComparer.Ordinal);

    private static Dictionary<string, HashSet<Type>> UsedByNamespace(Assembly assembly, string prefix)
    {
        var used = new Dictionary<string, HashSet<Type>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            if (NamespaceOf(type) is { } from && from.StartsWith(prefix, StringComparison.Ordinal))
            {
                var set = used.TryGetValue(from, out var existing) ? existing : used[from] = [];
                set.UnionWith(UsedBy(type));
            }
        }

        return used;
    }

    /// <summary>A nested type belongs to its outermost type's namespace; compiler-generated types (closures, state machines) to their owner's.</summary>
    private static string? NamespaceOf(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace;
    }

    private static IEnumerable<Type> UsedBy(Type type)
    {
        var used = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null)
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
                return;
            }

            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }

                t = t.GetGenericTypeDefinition();
            }

            if (!t.IsGenericParameter)
            {
                used.Add(t);
            }
        }

        Add(type.BaseType);
        foreach (var implemented in type.GetInterfaces())
        {
            Add(implemented);
        }

        foreach (var field in type.GetFields(Everything))
        {
            Add(field.FieldType);
        }

        foreach (var property in type.GetProperties(Everything))
        {
            Add(property.PropertyType);
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }

            foreach (var member in MembersNamedIn(method))
            {
                Add(member as Type ?? member.DeclaringType);
                switch (member)
                {
                    case FieldInfo field:
                        Add(field.FieldType);
                        break;
                    case MethodInfo called:
                        Add(called.ReturnType);
                        break;
                }
            }
        }

        return used;
    }

    /// <summary>The types, methods and fields whose tokens appear in a method body's IL.</summary>
    private static IEnumerable<MemberInfo> MembersNamedIn(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException)
        {
            yield break;
        }

        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } owner ? owner.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            short value = il[at++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[at++]);
            }

            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod:
                case OperandType.InlineField:
                case OperandType.InlineType:
                case OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, at);
                    MemberInfo? member = null;
                    try
                    {
                        member = module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (Exception ex) when (ex is ArgumentException or BadImageFormatException or TypeLoadException or MissingMemberException)
                    {
                        // A member of a generic type instantiated in a way this context cannot express: not ours to check.
                    }

                    if (member is not null)
                    {
                        yield return member;
                    }

                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (BitConverter.ToInt32(il, at) * 4);
                    break;
                default:
                    at += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
