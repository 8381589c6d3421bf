using Wcc.Etl.Seeds;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Etl.Seeds;

public class ReferenceValueSeedJobTests
{
    private const string Header = "indicator_code,sex,area_level,year,value,source_title,source_url,source_note";
    private const string Source = "某统计监测报告,https://www.stats.gov.cn/x.html";

    private static readonly string[] Valid =
    [
        Header,
        $"C_IMR,T,全国,2015,8.1,{Source},2015年婴儿死亡率为8.1‰",
        $"W_MMR,F,陕西省,2020,10.2,{Source},",
    ];

    private static SeedTestWarehouse WithIndicators()
    {
        var w = new SeedTestWarehouse();
        IndicatorSeedJob.Run(w.Connection, w.Run(IndicatorSeedJob.Job), w.Write("indicators.csv",
            "indicator_code,name_zh,name_en,unit_of_measure,measure_kind,sex_disaggregated,direction,population,lower_bound,upper_bound,task_nos,source",
            "C_IMR,婴儿死亡率,,‰,rate,true,lower,children,0,1000,,national",
            "C_KG_GER,城乡幼儿园毛入园率,,%,rate,false,higher,children,0,100,16,notice",
            "W_MMR,孕产妇死亡率,,1/10万,ratio,false,lower,women,0,,,national"));
        return w;
    }

    [Theory]
    [InlineData($"X_NONE,T,全国,2015,1,{Source},", "reference_values.csv line 4: indicator_code X_NONE is not in dim_indicator")]
    [InlineData($"C_IMR,X,全国,2015,1,{Source},", "reference_values.csv line 4: sex 'X' is not one of F, M, T")]
    [InlineData($"W_MMR,T,全国,2015,1,{Source},", "reference_values.csv line 4: sex T for W_MMR, an indicator of women: use F")]
    [InlineData($"C_KG_GER,F,全国,2015,90,{Source},", "reference_values.csv line 4: sex F for C_KG_GER, which is not sex-disaggregated: use T")]
    [InlineData($"C_IMR,T,西北,2015,1,{Source},", "reference_values.csv line 4: area_level '西北' is not one of 全国, 陕西省, 西安市")]
    [InlineData($"C_IMR,T,全国,1800,1,{Source},", "reference_values.csv line 4: year 1800 is not a year between 1990 and 2050")]
    [InlineData($"C_IMR,T,全国,,1,{Source},", "reference_values.csv line 4: year is empty")]
    [InlineData($"C_IMR,T,全国,2015,约8,{Source},", "reference_values.csv line 4: value '约8' is not a number")]
    [InlineData($"W_MMR,F,全国,2015,1e13,{Source},", "reference_values.csv line 4: value 1e13 is beyond ±1e12")]
    [InlineData($"C_KG_GER,T,全国,2015,101,{Source},", "reference_values.csv line 4: value 101 is outside the bounds of C_KG_GER [0, 100]")]
    [InlineData("C_IMR,T,全国,2015,8,,https://a.cn/x,", "reference_values.csv line 4: source_title is empty")]
    [InlineData("C_IMR,T,全国,2015,8,某报告,,", "reference_values.csv line 4: source_url is empty")]
    [InlineData("C_IMR,T,全国,2015,8,某报告,国家统计局网站,", "reference_values.csv line 4: source_url '国家统计局网站' is not a web address")]
    [InlineData($"C_IMR,T,全国,2015,8.2,{Source},", "reference_values.csv line 4: a value for C_IMR, sex T, 全国, 2015 is already on line 2")]
    public void Run_BadRow_RefusesFileNamingLine(string badRow, string expected)
    {
        using var w = WithIndicators();
        var path = w.Write("reference_values.csv", [.. Valid, badRow]);
        var ex = Assert.Throws<WccException>(() => ReferenceValueSeedJob.Run(w.Connection, w.Run(ReferenceValueSeedJob.Job), path));
        Assert.StartsWith(expected, ex.Message);
        Assert.Contains("reference_values.csv", ex.Hint);
        Assert.Equal(0, w.Scalar("SELECT count(*) FROM fact_reference_value"));
    }

    [Fact]
    public void Run_LoadsEveryRow_AndReloadReplaces()
    {
        using var w = WithIndicators();
        var path = w.Write("reference_values.csv", Valid);
        Assert.Equal(2, ReferenceValueSeedJob.Run(w.Connection, w.Run(ReferenceValueSeedJob.Job), path).Loaded);
        ReferenceValueSeedJob.Run(w.Connection, w.Run(ReferenceValueSeedJob.Job), path);
        Assert.Equal(["C_IMR|T|全国|2015|8.1|2015年婴儿死亡率为8.1‰", "W_MMR|F|陕西省|2020|10.2|-"],
            w.Strings("SELECT concat_ws('|', indicator_code, sex, area_level, year, value, coalesce(source_note, '-')) FROM v_reference_value"));
    }
}
