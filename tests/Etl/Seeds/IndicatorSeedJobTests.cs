using Wcc.Etl.Seeds;
using Wcc.Warehouse.Connection;

namespace Wcc.Tests.Etl.Seeds;

public class IndicatorSeedJobTests
{
    private const string Header = "indicator_code,name_zh,name_en,unit_of_measure,measure_kind,sex_disaggregated,direction,population,lower_bound,upper_bound,task_nos,source";

    private static readonly string[] Valid =
    [
        Header,
        "C_KG_GER,城乡幼儿园毛入园率,Kindergarten GER,%,rate,false,higher,children,0,100,16,notice",
        "W_MMR,孕产妇死亡率,,1/100000,ratio,true,lower,women,0,,,national",
    ];

    [Theory]
    [InlineData("w_emp,妇女培训人数,,persons,count,true,higher,women,0,,4,", "indicators.csv line 4: indicator_code 'w_emp' is not an upper-case ASCII code")]
    [InlineData("C_KG_GER,重复,,%,rate,false,higher,children,0,100,,", "indicators.csv line 4: indicator_code C_KG_GER is a duplicate of line 2")]
    [InlineData("W_X,,,%,rate,true,higher,women,0,100,,", "indicators.csv line 4: name_zh is empty")]
    [InlineData("W_X,某指标,,,rate,true,higher,women,0,100,,", "indicators.csv line 4: unit_of_measure is empty")]
    [InlineData("W_X,某指标,,%,percent,true,higher,women,0,100,,", "indicators.csv line 4: measure_kind 'percent' is not one of rate, count, ratio, score")]
    [InlineData("W_X,某指标,,%,rate,yes,higher,women,0,100,,", "indicators.csv line 4: sex_disaggregated 'yes' is not true or false")]
    [InlineData("W_X,某指标,,%,rate,,higher,women,0,100,,", "indicators.csv line 4: sex_disaggregated is empty")]
    [InlineData("W_X,某指标,,%,rate,true,up,women,0,100,,", "indicators.csv line 4: direction 'up' is not one of higher, lower")]
    [InlineData("W_X,某指标,,%,rate,true,higher,girls,0,100,,", "indicators.csv line 4: population 'girls' is not one of women, children, both")]
    [InlineData("W_X,某指标,,%,rate,true,higher,women,0,百,,", "indicators.csv line 4: upper_bound '百' is not a number")]
    [InlineData("W_X,某指标,,%,rate,true,higher,women,100,100,,", "indicators.csv line 4: lower_bound 100 is not below upper_bound 100")]
    [InlineData("W_X,某指标,,%,rate,true,higher,women,0,,,", "indicators.csv line 4: a rate needs both lower_bound and upper_bound")]
    [InlineData("W_X,某指标,,%,rate,true,higher,women,0,100,4;x,", "indicators.csv line 4: task_nos item 'x' is not a task number")]
    [InlineData("W_X,某指标,,%,rate,true,higher,women,0,100,4;4,", "indicators.csv line 4: task_nos lists task 4 twice")]
    public void Run_BadRow_RefusesFileNamingLine(string badRow, string expected)
    {
        using var w = new SeedTestWarehouse();
        var path = w.Write("indicators.csv", [.. Valid, badRow]);
        var ex = Assert.Throws<WccException>(() => IndicatorSeedJob.Run(w.Connection, w.Run(IndicatorSeedJob.Job), path));
        Assert.StartsWith(expected, ex.Message);
        Assert.Equal(0, w.Scalar("SELECT count(*) FROM dim_indicator"));
    }

    [Fact]
    public void Run_Loads_BoundsAndTaskList()
    {
        using var w = new SeedTestWarehouse();
        IndicatorSeedJob.Run(w.Connection, w.Run(IndicatorSeedJob.Job), w.Write("indicators.csv", Valid));
        Assert.Equal(1, w.Scalar("SELECT count(*) FROM dim_indicator WHERE indicator_code = 'C_KG_GER' AND task_nos = [16] AND upper_bound = 100"));
        Assert.Equal(1, w.Scalar("SELECT count(*) FROM dim_indicator WHERE indicator_code = 'W_MMR' AND task_nos IS NULL AND upper_bound IS NULL AND name_en IS NULL"));
    }

    [Fact]
    public void Run_QuotedCommaInValue_IsOneField()
    {
        using var w = new SeedTestWarehouse();
        var path = w.Write("indicators.csv", Header, "W_X,\"某指标,含逗号\",,%,rate,true,higher,women,0,100,,\"source, with comma\"");
        IndicatorSeedJob.Run(w.Connection, w.Run(IndicatorSeedJob.Job), path);
        Assert.Equal(["某指标,含逗号"], w.Strings("SELECT name_zh FROM dim_indicator"));
    }
}
