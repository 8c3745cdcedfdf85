using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rasid.Nlp.Entities;

/// <summary>
/// Weights kept as float16 (<see cref="Half"/>) and added to float sums: the conversion is exact, so a sum of the converted
/// weights is the same float as a sum of the float weights they were read into.
/// </summary>
internal static class Float16
{
    // 2^112: a float16's magnitude bits shifted into a float's place (exponent and mantissa 13 bits up) read as a float
    // are the value × 2^-112, exactly (normal and subnormal float16 alike); multiplying by 2^112 is exact.
    private const uint ScaleBits = (127 + 112) << 23;

    /// <summary>Whether every value of <paramref name="values"/> is finite and exactly a float16 (−0 included).</summary>
    public static bool Holds(ReadOnlySpan<float> values)
    {
        foreach (var v in values)
        {
            if (!float.IsFinite(v) || BitConverter.SingleToUInt32Bits((float)(Half)v) != BitConverter.SingleToUInt32Bits(v)) return false;
        }

        return true;
    }

    /// <summary>Writes <paramref name="values"/> (each exactly a float16, <see cref="Holds"/>) to <paramref name="target"/> as float16.</summary>
    public static void Write(ReadOnlySpan<float> values, Span<Half> target)
    {
        for (var i = 0; i < values.Length; i++) target[i] = (Half)values[i];
    }

    /// <summary>
    /// target[t] += (float)source[t] for every t of <paramref name="target"/>, source being target.Length float16 values
    /// (finite) from <paramref name="source"/>, 8 at a time: the same additions as one at a time.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddTo(Span<float> target, ref byte source)
    {
        var t = 0;
        ref var to = ref MemoryMarshal.GetReference(target);
        ref var from = ref Unsafe.As<byte, ushort>(ref source);
        if (Vector256.IsHardwareAccelerated)
        {
            for (; t + Vector256<float>.Count <= target.Length; t += Vector256<float>.Count)
            {
                var bits = Vector256.WidenLower(Vector128.LoadUnsafe(ref from, (nuint)t).ToVector256Unsafe());
                var magnitude = ((bits & Vector256.Create(0x7FFFu)) << 13).AsSingle() * Vector256.Create(BitConverter.UInt32BitsToSingle(ScaleBits));
                var value = (magnitude.AsUInt32() | ((bits & Vector256.Create(0x8000u)) << 16)).AsSingle();
                (Vector256.LoadUnsafe(ref to, (nuint)t) + value).StoreUnsafe(ref to, (nuint)t);
            }
        }

        for (; t < target.Length; t++) Unsafe.Add(ref to, t) += ToSingle(Unsafe.Add(ref from, t));
    }

    /// <summary>The float of the float16 with bits <paramref name="bits"/> (finite), as the lanes convert it: no branches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float ToSingle(ushort bits)
    {
        var magnitude = BitConverter.UInt32BitsToSingle((uint)(bits & 0x7FFF) << 13) * BitConverter.UInt32BitsToSingle(ScaleBits);
        return BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(magnitude) | ((uint)(bits & 0x8000) << 16));
    }
}
