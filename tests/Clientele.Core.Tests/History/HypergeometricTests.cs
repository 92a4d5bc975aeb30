using Clientele.Core.History;

namespace Clientele.Core.Tests.History;

public class HypergeometricTests
{
    private static void Close(double expected, double actual, double relative = 1e-12) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void At_z_zero_it_is_one()
    {
        Assert.Equal(1.0, Hypergeometric.F21(0.3, 7.5, 2.2, 0));
        Assert.Equal(1.0, Hypergeometric.F21(26.2, 28.4, 28.2, 0));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.1)]
    [InlineData(0.95)]
    [InlineData(0.999)]
    [InlineData(-0.5)]
    [InlineData(-3.0)]
    public void F_1_1_2_is_minus_log_1_minus_z_over_z(double z) =>
        Close(-Math.Log(1 - z) / z, Hypergeometric.F21(1, 1, 2, z));

    [Fact]
    public void F_1_1_2_at_one_half_is_two_ln_two() => Close(2 * Math.Log(2), Hypergeometric.F21(1, 1, 2, 0.5));

    [Theory]
    [InlineData(0.7, 2.3, 0.3)]
    [InlineData(0.7, 2.3, 0.95)]
    [InlineData(1.9, 0.4, 0.97)]
    [InlineData(0.7, 2.3, -0.8)]
    public void F_a_b_b_is_a_binomial_power(double a, double b, double z) =>
        Close(Math.Pow(1 - z, -a), Hypergeometric.F21(a, b, b, z), 1e-11);

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.99)]
    public void F_half_half_three_halves_of_z_squared_is_arcsin_z_over_z(double z) =>
        Close(Math.Asin(z) / z, Hypergeometric.F21(0.5, 0.5, 1.5, z * z), 1e-11);

    [Fact]
    public void At_z_one_it_is_gauss_s_gamma_ratio() => Close(2.0, Hypergeometric.F21(1, 1, 3, 1));

    [Fact]
    public void A_negative_integer_parameter_gives_the_polynomial()
    {
        double b = 1.7, c = 2.9, z = 0.8;
        Close(1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1)), Hypergeometric.F21(-2, b, c, z));
    }

    [Theory]
    [InlineData(0.2, 1.5, 3.1, 0.93)]
    [InlineData(1.45, -0.21, 3.2, 0.98)]
    [InlineData(5.2, 6.1, 9.4, 0.95)]
    public void The_one_minus_z_transformation_agrees_with_the_plain_series(double a, double b, double c, double z) =>
        Close(Hypergeometric.Series(a, b, c, z), Hypergeometric.F21(a, b, c, z), 1e-10);

    [Fact]
    public void Euler_s_transformation_holds_for_bgnbd_sized_parameters()
    {
        // 2F1(r+x, b+x; a+b+x−1; z) = (1−z)^(a−1−r−x) 2F1(a+b−1−r, a−1; a+b+x−1; z), the identity the BG/NBD expectation relies on.
        double r = 0.243, a = 0.793, b = 2.426, x = 26, z = 0.55;
        Close(Hypergeometric.F21(r + x, b + x, a + b + x - 1, z),
            Math.Pow(1 - z, a - 1 - r - x) * Hypergeometric.F21(a + b - 1 - r, a - 1, a + b + x - 1, z), 1e-10);
    }

    [Fact]
    public void Z_above_one_is_refused() => Assert.Throws<ArgumentOutOfRangeException>(() => Hypergeometric.F21(1, 1, 2, 1.5));
}
