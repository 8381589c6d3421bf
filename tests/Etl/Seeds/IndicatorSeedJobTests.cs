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

    private const string CatalogueHeader = Header + ",reporting_unit,plan,domain,target_source";

    [Theory]
    [InlineData("W_X,某指标,,%,rate,true,higher,women,0,100,,,,妇联,健康,", "indicators.csv line 3: plan '妇联' is not one of 妇女, 儿童")]
    [InlineData("W_X,某指标,,%,rate,true,higher,women,0,100,,,,,健康,", "indicators.csv line 3: plan is empty")]
    [InlineData("W_X,某指标,,%,rate,true,higher,women,0,100,,,,妇女,,", "indicators.csv line 3: domain is empty")]
    [InlineData("W_X,某指标,,%,rate,true,higher,women,0,100,,,,妇女,福利,", "indicators.csv line 3: domain '福利' is not a domain of the 妇女 plan (健康, 教育, 经济, 决策和管理, 社会保障, 环境, 法律)")]
    [InlineData("C_X,某指标,,%,rate,true,higher,children,0,100,,,,儿童,经济,", "indicators.csv line 3: domain '经济' is not a domain of the 儿童 plan (健康, 教育, 福利, 社会环境, 法律保护)")]
    public void Run_BadPlanOrDomain_RefusesFileNamingLine(string badRow, string expected)
    {
        using var w = new SeedTestWarehouse();
        var path = w.Write("indicators.csv", CatalogueHeader, "C_KG_GER,城乡幼儿园毛入园率,,%,rate,false,higher,children,0,100,16,notice,市教育局,儿童,教育,通知任务16", badRow);
        var ex = Assert.Throws<WccException>(() => IndicatorSeedJob.Run(w.Connection, w.Run(IndicatorSeedJob.Job), path));
        Assert.Equal(expected, ex.Message);
        Assert.Equal(0, w.Scalar("SELECT count(*) FROM dim_indicator"));
    }

    [Fact]
    public void Run_CatalogueColumns_LoadIntoPlanDomainAndTargetSource()
    {
        using var w = new SeedTestWarehouse();
        var path = w.Write("indicators.csv", CatalogueHeader,
            "C_KG_GER,城乡幼儿园毛入园率,,%,rate,false,higher,children,0,100,16,notice,市教育局,儿童,教育,通知任务16",
            "W_MMR,孕产妇死亡率,,1/10万,ratio,false,lower,women,0,,,national,市卫健委,妇女,健康,");
        IndicatorSeedJob.Run(w.Connection, w.Run(IndicatorSeedJob.Job), path);
        Assert.Equal(["C_KG_GER|儿童|教育|通知任务16", "W_MMR|妇女|健康|-"],
            w.Strings("SELECT concat_ws('|', indicator_code, plan_zh, domain_zh, coalesce(target_source, '-')) FROM dim_indicator ORDER BY 1"));
    }

    [Fact]
    public void Run_OlderFileWithoutCatalogueColumns_LoadsWithoutPlan()
    {
        using var w = new SeedTestWarehouse();
        IndicatorSeedJob.Run(w.Connection, w.Run(IndicatorSeedJob.Job), w.Write("indicators.csv", Valid));
        Assert.Equal(2, w.Scalar("SELECT count(*) FROM dim_indicator WHERE plan_zh IS NULL AND domain_zh IS NULL AND target_source IS NULL"));
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
